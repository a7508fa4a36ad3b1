import "server-only";

import { z } from "zod";

import {
  countRepoFacets,
  listRepoRecords,
  repoSorts,
  type FacetCounts,
  type RepoListQuery,
  type RepoListRecord,
} from "@/db/queries/repo-list";
import { repoFacets, repoTypes, type RepoFacet } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";

const filterValue = z.string().trim().min(1).max(100).optional();

const repoSearchSchema = z.object({
  type: z.enum(repoTypes),
  q: z.string().trim().max(200).optional(),
  owner: z.string().trim().max(39).optional(),
  filters: z
    .object(
      Object.fromEntries(repoFacets.map((f) => [f, filterValue])) as Record<
        RepoFacet,
        typeof filterValue
      >,
    )
    .default({}),
  tags: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  ciPassedOn: z.enum(["cpu", "npu"]).optional(),
  sort: z.enum(repoSorts).default("updated"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(1000).default(30),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  withFacets: z.boolean().default(false),
  /** Which facets to count (with `withFacets`); all of them when not given. */
  facets: z.array(z.enum(repoFacets)).optional(),
});

export type RepoSearchInput = z.input<typeof repoSearchSchema>;

export type RepoSearchResult = {
  items: RepoListRecord[];
  total: number;
  facets: FacetCounts | null;
};

/** Lists the repositories a caller may see, with full-text search, label filters, sorting and paging. */
export async function searchRepos(
  caller: Caller | null,
  input: RepoSearchInput,
): Promise<RepoSearchResult> {
  const { withFacets, facets: countFacets, ...params } = repoSearchSchema.parse(input);
  const query: RepoListQuery = {
    ...params,
    viewer: caller ? { id: caller.id, isAdmin: caller.isAdmin } : null,
  };
  const [page, facets] = await Promise.all([
    listRepoRecords(query),
    withFacets ? countRepoFacets(query, countFacets) : Promise.resolve(null),
  ]);
  return { ...page, facets };
}
