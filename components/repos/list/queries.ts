// The cache contract of repository lists: one key shape and one fetcher, shared by the server
// prefetch (which fills the same key from the library) and the browser (which fetches the JSON route).
import { queryOptions } from "@tanstack/react-query";

import type { RepoType } from "@/db/schema/enums";
import { listQueryString, type RepoListParams } from "@/lib/repos/list/list-params";
import type { RepoListPage } from "@/lib/repos/list/summary";

export const repoListKeys = {
  all: ["repos", "list"] as const,
  list: (type: RepoType, params: RepoListParams) => ["repos", "list", type, params] as const,
};

async function fetchRepoList(
  type: RepoType,
  params: RepoListParams,
  signal: AbortSignal,
): Promise<RepoListPage> {
  const query = listQueryString(params);
  const response = await fetch(`/api/repos?type=${type}${query ? `&${query.slice(1)}` : ""}`, {
    signal,
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`GET /api/repos answered ${response.status}`);
  return (await response.json()) as RepoListPage;
}

export function repoListQuery(type: RepoType, params: RepoListParams) {
  return queryOptions({
    queryKey: repoListKeys.list(type, params),
    queryFn: ({ signal }) => fetchRepoList(type, params, signal),
  });
}
