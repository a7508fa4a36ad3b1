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

import { encodeListCursor } from "./list-cursor";

const filterValue = z.string().trim().min(1).max(100).optional();

/** How long the total and facet counts may be served stale after a write, with `countsMayLag`. */
const countsMayLagMs = 10_000;

/** A position from `parseListCursor` (callers decode the cursor: a bad one is theirs to report). */
const position = z
  .object({ key: z.array(z.union([z.string(), z.number()])).min(1), id: z.number().int() })
  .optional();

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
  /** Keyset paging: the page after (or before) this position; `offset` is then ignored. */
  after: position,
  before: position,
  withFacets: z.boolean().default(false),
  /**
   * The total and facet counts may lag a write by up to `countsMayLagMs` while they are recomputed
   * in the background (the web lists: a visitor should not wait seconds for them after any change).
   */
  countsMayLag: z.boolean().default(false),
  /** Which facets to count (with `withFacets`); all of them when not given. */
  facets: z.array(z.enum(repoFacets)).optional(),
});

export type RepoSearchInput = z.input<typeof repoSearchSchema>;

export type RepoSearchResult = {
  items: RepoListRecord[];
  total: number;
  facets: FacetCounts | null;
  /** The cursor of the page after this one, when rows follow it. */
  next: string | null;
  /** The cursor of the page before this one, when rows precede it. */
  previous: string | null;
};

/** Lists the repositories a caller may see, with full-text search, label filters, sorting and paging. */
export async function searchRepos(
  caller: Caller | null,
  input: RepoSearchInput,
): Promise<RepoSearchResult> {
  const {
    withFacets,
    facets: countFacets,
    countsMayLag,
    ...params
  } = repoSearchSchema.parse(input);
  const lag = { mayLagMs: countsMayLag ? countsMayLagMs : undefined };
  const query: RepoListQuery = {
    ...params,
    viewer: caller ? { id: caller.id, isAdmin: caller.isAdmin } : null,
  };
  const [page, facets] = await Promise.all([
    listRepoRecords(query, lag),
    withFacets ? countRepoFacets(query, countFacets, lag) : Promise.resolve(null),
  ]);
  const { items, total, hasMore } = page;
  const cursor = (row: RepoListRecord | undefined) =>
    row ? encodeListCursor({ sort: params.sort, direction: params.direction }, row) : null;
  // Walking back (`before`), `hasMore` is about the rows before the page; the anchor row follows it.
  const backward = Boolean(params.before);
  const moreAfter = backward ? true : hasMore;
  const moreBefore = backward ? hasMore : Boolean(params.after) || params.offset > 0;
  return {
    items,
    total,
    facets,
    next: moreAfter ? cursor(items.at(-1)) : null,
    previous: moreBefore ? cursor(items[0]) : null,
  };
}
