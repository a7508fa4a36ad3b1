import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { readCappedBody } from "@/lib/http/request-body";
import {
  getLastCommits,
  getPathsInfo,
  listTree,
  type LastCommit,
  type RepoRef,
  type TreeEntry,
} from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { decodeCursor, encodeCursor, intParam } from "./list-params";
import { parsePathsInfoBody } from "./paths-info-body";
import { hfEndpoint, nextLink } from "./responses";
import { isTruthy, treeEntryJson } from "./tree-json";

async function lastCommitsOf(ref: RepoRef, commit: string, entries: TreeEntry[], dir?: string) {
  if (entries.length === 0) return {} as Record<string, LastCommit>;
  return getLastCommits(ref, { rev: commit, paths: entries.map((e) => e.path), dir });
}

/** `GET /api/{type}s/{id}/tree/{rev}[/{path}]?recursive&expand`, paginated with `Link`. */
export async function listTreeHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string,
  path: string,
): Promise<Response> {
  const { ref } = await getRepo(caller, address, "read");
  const url = new URL(request.url);
  const recursive = isTruthy(url.searchParams.get("recursive"));
  const expand = isTruthy(url.searchParams.get("expand"));
  // Last commits cost a history walk per page, so expanded pages are smaller (HF does the same).
  const limit = intParam(
    url.searchParams.get("limit"),
    expand ? 100 : 1000,
    1,
    expand ? 1000 : 10_000,
    "limit",
  );
  const cursor = url.searchParams.get("cursor");
  const offset = cursor ? decodeCursor(cursor) : 0;
  const page = await listTree(ref, { rev, path, recursive, offset, limit });
  const commits = expand
    ? await lastCommitsOf(ref, page.commit, page.entries, recursive ? undefined : path)
    : {};
  const headers: Record<string, string> = { "X-Repo-Commit": page.commit };
  if (page.nextOffset !== null) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", encodeCursor(page.nextOffset));
    const where = [rev, path].filter(Boolean).map(encodeURIComponent).join("/");
    Object.assign(
      headers,
      nextLink(
        `${hfEndpoint()}/api/${repoTypePlural[ref.type]}/${ref.owner}/${ref.name}/tree/${where}?${next.toString()}`,
      ),
    );
  }
  return Response.json(
    page.entries.map((entry) => treeEntryJson(entry, commits[entry.path])),
    { headers },
  );
}

/** `POST /api/{type}s/{id}/paths-info/{rev}` with a JSON or form body; missing paths are left out. */
export async function pathsInfoHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string,
): Promise<Response> {
  const { ref } = await getRepo(caller, address, "read");
  const raw = (await readCappedBody(request, 1024 * 1024)).toString("utf8");
  const query = parsePathsInfoBody(request.headers.get("content-type"), raw);
  const { commit, entries } = await getPathsInfo(ref, { rev, paths: query.paths });
  const commits = query.expand ? await lastCommitsOf(ref, commit, entries) : {};
  return Response.json(
    entries.map((entry) => treeEntryJson(entry, commits[entry.path])),
    { headers: { "X-Repo-Commit": commit } },
  );
}
