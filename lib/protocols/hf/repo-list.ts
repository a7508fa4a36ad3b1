import "server-only";

import type { RepoType } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { parseListCursor } from "@/lib/repos/list-cursor";
import { searchRepos } from "@/lib/repos/search";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { parseListParams } from "./list-params";
import { repoSummaryJson } from "./repo-json";
import { hfEndpoint, nextLink } from "./responses";

/** `GET /api/models|datasets|spaces`: a bare JSON array, the next page in an absolute `Link`. */
export async function listReposHf(
  request: Request,
  caller: Caller | null,
  type: RepoType,
): Promise<Response> {
  const url = new URL(request.url);
  const { search, limit, cursor } = parseListParams(url.searchParams);
  // The cursor names the last row of the previous page, so every page is an index walk from it.
  const after = cursor
    ? parseListCursor(cursor, {
        sort: search.sort ?? "updated",
        direction: search.direction ?? "desc",
      })
    : undefined;
  if (after === null) {
    throw new AppError(
      "bad_request",
      "Invalid cursor; follow the Link header of the previous page (with the same sort and direction).",
    );
  }
  const page = await searchRepos(caller, { ...search, type, limit, after });
  const headers: Record<string, string> = { "X-Total-Count": String(page.total) };
  if (page.next) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", page.next);
    next.set("limit", String(limit));
    Object.assign(
      headers,
      nextLink(`${hfEndpoint()}/api/${repoTypePlural[type]}?${next.toString()}`),
    );
  }
  return Response.json(page.items.map(repoSummaryJson), { headers });
}
