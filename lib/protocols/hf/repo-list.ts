import "server-only";

import type { RepoType } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { searchRepos } from "@/lib/repos/search";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { encodeCursor, parseListParams } from "./list-params";
import { repoSummaryJson } from "./repo-json";
import { hfEndpoint, nextLink } from "./responses";

/** `GET /api/models|datasets|spaces`: a bare JSON array, the next page in an absolute `Link`. */
export async function listReposHf(
  request: Request,
  caller: Caller | null,
  type: RepoType,
): Promise<Response> {
  const url = new URL(request.url);
  const { search, limit, offset } = parseListParams(url.searchParams);
  const page = await searchRepos(caller, { ...search, type, limit, offset });
  const headers: Record<string, string> = { "X-Total-Count": String(page.total) };
  if (offset + page.items.length < page.total && page.items.length > 0) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", encodeCursor(offset + page.items.length));
    next.set("limit", String(limit));
    Object.assign(
      headers,
      nextLink(`${hfEndpoint()}/api/${repoTypePlural[type]}?${next.toString()}`),
    );
  }
  return Response.json(page.items.map(repoSummaryJson), { headers });
}
