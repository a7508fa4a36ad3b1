import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { countCommits, listCommits, type CommitSummary } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo } from "@/lib/repos/access";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { decodeCursor, encodeCursor, intParam } from "./list-params";
import { hfEndpoint, nextLink } from "./responses";

/** Commits made through the hub carry `{user}@users.noreply.{host}`; for those the author is that user. */
function authorUser(commit: CommitSummary): string {
  const host = new URL(getConfig().publicUrl).hostname;
  const suffix = `@users.noreply.${host}`;
  const email = commit.author.email;
  return email.endsWith(suffix) ? email.slice(0, -suffix.length) : commit.author.name;
}

function commitJson(commit: CommitSummary) {
  const body = commit.message.slice(commit.title.length).replace(/^\n+/, "");
  return {
    id: commit.id,
    title: commit.title,
    message: body,
    authors: [{ user: authorUser(commit) }],
    date: commit.author.date,
    formatted: { title: commit.title, message: body },
  };
}

/** `GET /api/{type}s/{id}/commits/{rev}?limit=`: newest first, `Link` to the next page, `X-Total-Count`. */
export async function listCommitsHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string,
) {
  const { ref } = await getRepo(caller, address, "read");
  const url = new URL(request.url);
  const limit = intParam(url.searchParams.get("limit"), 50, 1, 1000, "limit");
  const cursor = url.searchParams.get("cursor");
  // Python pages with `p` (page number); our own Link headers use a cursor.
  const page = intParam(url.searchParams.get("p"), 0, 0, 1_000_000, "p");
  const offset = cursor ? decodeCursor(cursor) : page * limit;
  const [history, total] = await Promise.all([
    listCommits(ref, { rev, offset, limit }),
    countCommits(ref, { rev }),
  ]);
  const headers: Record<string, string> = { "X-Total-Count": String(total) };
  if (history.nextOffset !== null) {
    const next = new URLSearchParams(url.searchParams);
    next.delete("p");
    next.set("cursor", encodeCursor(history.nextOffset));
    next.set("limit", String(limit));
    Object.assign(
      headers,
      nextLink(
        `${hfEndpoint()}/api/${repoTypePlural[ref.type]}/${ref.owner}/${ref.name}/commits/${encodeURIComponent(rev)}?${next.toString()}`,
      ),
    );
  }
  return Response.json(history.commits.map(commitJson), { headers });
}
