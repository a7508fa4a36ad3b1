import "server-only";

import { listCiPassedHardware } from "@/db/queries/model-ci";
import type { RepoListRecord } from "@/db/queries/repo-list";
import type { RepoType } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";

import { repoKinds, type HostedRepoType } from "../kinds";
import { parseListCursor } from "../list-cursor";
import { searchRepos } from "../search";
import { listFacets, listPageSize, type ListFacet, type RepoListParams } from "./list-params";
import { toRepoSummary, type RepoListPage, type RepoSummary } from "./summary";

/** The list items with their "CI passed on" marks (models only; one query for the page). */
async function summaries(items: RepoListRecord[]): Promise<RepoSummary[]> {
  const models = items.filter((item) => item.type === "model").map((item) => item.id);
  const passed = await listCiPassedHardware(models);
  return items.map((item) => toRepoSummary(item, passed.get(item.id)));
}

const sortDirection = {
  likes: "desc",
  downloads: "desc",
  updated: "desc",
  created: "desc",
  name: "asc",
} as const;

/**
 * One page of a kind's list as the caller may see it, with the counts of the filters that kind
 * offers (a filter it does not offer, such as `?sdk=` on models, is ignored).
 */
export async function listRepos(
  caller: Caller | null,
  type: HostedRepoType,
  params: RepoListParams,
): Promise<RepoListPage> {
  const sort = params.sort ?? "updated";
  const order = { sort, direction: sortDirection[sort] };
  // A cursor that does not parse (hand-edited, or made for another sort) opens the first page,
  // as other list params that do not parse are dropped.
  const position = (cursor: string | undefined) =>
    (cursor && parseListCursor(cursor, order)) || undefined;
  const after = position(params.after);
  const before = position(params.before);
  const page = params.page ?? 1;
  const kindFacets = repoKinds[type].facets;
  const filters = Object.fromEntries(kindFacets.map((f) => [f, params[f]])) as Partial<
    Record<ListFacet, string>
  >;
  const result = await searchRepos(caller, {
    type,
    q: params.search,
    owner: params.owner,
    filters,
    ciPassedOn: type === "model" ? params.ci : undefined,
    ...order,
    limit: listPageSize,
    offset: after || before ? 0 : (page - 1) * listPageSize,
    after,
    before,
    withFacets: true,
    countsMayLag: true,
    facets: [...kindFacets],
  });
  const facets = Object.fromEntries(
    listFacets.map((f) => [f, result.facets?.[f] ?? []]),
  ) as RepoListPage["facets"];
  return {
    items: await summaries(result.items),
    total: result.total,
    // A keyset page does not know its number, unless walking back reached the first page.
    page: !after && !before ? page : before && result.previous === null ? 1 : null,
    pageCount: Math.max(1, Math.ceil(result.total / listPageSize)),
    next: result.next,
    previous: result.previous,
    facets,
  };
}

/** A short list for the home and profile pages (no facets). */
export async function listTopRepos(
  caller: Caller | null,
  input: { type: RepoType; sort: "likes" | "created" | "updated"; owner?: string; limit: number },
): Promise<{ items: RepoSummary[]; total: number }> {
  const result = await searchRepos(caller, {
    type: input.type,
    owner: input.owner,
    sort: input.sort,
    direction: "desc",
    limit: input.limit,
  });
  return { items: await summaries(result.items), total: result.total };
}
