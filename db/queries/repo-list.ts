import "server-only";

import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";

import { getDb } from "../client";
import {
  owners,
  repoFacets,
  repoLabels,
  repos,
  spaces,
  type RepoFacet,
  type RepoType,
  type SpaceBuildState,
} from "../schema";
import { containsText } from "./like";
import { ciPassedOn, type CiHardware } from "./model-ci";
import { cachedForMatches } from "./repo-list-cache";
import { recordColumns, type RepoRecord } from "./repos";
import type { SpaceCardLook } from "./spaces";

type RepoViewer = { id: number; isAdmin: boolean } | null;

export const repoSorts = ["likes", "downloads", "updated", "created", "name"] as const;
export type RepoSort = (typeof repoSorts)[number];

export type RepoListQuery = {
  type: RepoType;
  viewer: RepoViewer;
  /** Words to find in the name, owner, description, card text and tags. */
  q?: string;
  owner?: string;
  /** At most one value per facet (the web filters). */
  filters?: Partial<Record<RepoFacet, string>>;
  /** Every one of these card tags (`pytorch`, `license:mit`), as the HF API's `filter`. */
  tags?: string[];
  /** Only models whose CI passed on this hardware (the list's "CI passed on NPU" filter). */
  ciPassedOn?: CiHardware;
  sort?: RepoSort;
  direction?: "asc" | "desc";
  limit: number;
  offset?: number;
  /** Keyset paging: the rows after (or, with `before`, before) this one in the sort order. */
  after?: RepoListPosition;
  before?: RepoListPosition;
};

/**
 * Where a row stands in a sort order: its sort key (`sortKeyOf`) and its id, which breaks ties so
 * that the order is total and a walk from one position to the next skips and repeats nothing.
 */
export type RepoListPosition = { key: (string | number)[]; id: number };

export type FacetCounts = Partial<Record<RepoFacet, { value: string; count: number }[]>>;

/** A listed repository: its record, the card's own tags and, for a Space, its card look and build. */
export type RepoListRecord = RepoRecord & {
  cardTags: string[];
  /** The row's sort key under the query's sort, for the cursor of the next page. */
  sortKey: (string | number)[];
  space: (SpaceCardLook & { buildState: SpaceBuildState }) | null;
};

const listColumns = (sort: RepoSort) => ({
  ...recordColumns,
  sortKey: sql<(string | number)[]>`json_array(${sql.join(sortKeys(sort), sql`, `)})`.mapWith(
    (v: string) => JSON.parse(v) as (string | number)[],
  ),
  cardTags: sql<string[]>`(SELECT json_group_array(l.value) FROM repo_labels l
    WHERE l.repo_id = ${repos.id} AND l.facet = 'tag')`.mapWith(
    (v: string) => JSON.parse(v) as string[],
  ),
  space: {
    buildState: spaces.buildState,
    title: spaces.title,
    emoji: spaces.emoji,
    colorFrom: spaces.colorFrom,
    colorTo: spaces.colorTo,
    shortDescription: spaces.shortDescription,
  },
});

/** Private repositories are listed only to their owner, the owning organisation's members and admins. */
function visibleTo(viewer: RepoViewer): SQL | undefined {
  if (viewer?.isAdmin) return undefined;
  if (!viewer) return sql`${repos.isPrivate} = 0`;
  return sql`(${repos.isPrivate} = 0 OR ${repos.ownerId} = ${viewer.id}
    OR ${repos.ownerId} IN (SELECT org_id FROM memberships WHERE user_id = ${viewer.id}))`;
}

/** An FTS5 query that matches the text as a phrase (quotes doubled, so input cannot inject syntax). */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * `broad`: the text matches many repositories, so walking the sort order's index and testing each
 * against the (once computed) match set finds a page sooner than sorting every match; the unary
 * `+` keeps SQLite from choosing the match set as the outer loop.
 */
function textMatch(q: string, broad: boolean): SQL {
  const text = q.trim();
  // The trigram index needs three characters; shorter text falls back to a name/owner scan.
  if ([...text].length >= 3) {
    const matches = sql`(SELECT rowid FROM repo_search WHERE repo_search MATCH ${ftsPhrase(text)})`;
    return broad ? sql`+${repos.id} IN ${matches}` : sql`${repos.id} IN ${matches}`;
  }
  return sql`(${containsText(repos.name, text)} OR ${containsText(owners.name, text)})`;
}

function conditions(
  query: RepoListQuery,
  exceptFacet?: RepoFacet,
  broadText = false,
): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(repos.type, query.type), visibleTo(query.viewer)];
  if (query.q?.trim()) parts.push(textMatch(query.q, broadText));
  if (query.owner) parts.push(sql`lower(${owners.name}) = lower(${query.owner})`);
  for (const [facet, value] of Object.entries(query.filters ?? {})) {
    if (!value || facet === exceptFacet) continue;
    parts.push(
      sql`EXISTS (SELECT 1 FROM repo_labels l WHERE l.repo_id = ${repos.id} AND l.facet = ${facet} AND l.value = ${value})`,
    );
  }
  for (const tag of query.tags ?? []) {
    parts.push(sql`EXISTS (SELECT 1 FROM json_each(${repos.tags}) WHERE json_each.value = ${tag})`);
  }
  if (query.ciPassedOn) parts.push(ciPassedOn(repos.id, query.ciPassedOn));
  return and(...parts);
}

/**
 * The expressions a sort orders by, before the id that breaks ties. Timestamps are compared as the
 * stored integers. Each has an index `(type, key…)`, whose entries end with the rowid (= id), so a
 * page — and a keyset page anywhere in the list — is a short index walk.
 */
function sortKeys(sort: RepoSort): SQL[] {
  switch (sort) {
    case "likes":
      return [sql`${repos.likes}`];
    case "downloads":
      return [sql`${repos.downloads}`];
    case "created":
      return [sql`${repos.createdAt}`];
    case "name":
      // Owner, then name: both have an index on their lower-cased name.
      return [sql`lower(${owners.name})`, sql`lower(${repos.name})`];
    case "updated":
      return [sql`${repos.updatedAt}`];
  }
}

/** Names read naturally A→Z unless asked otherwise; everything else is newest or most first. */
function descending(query: RepoListQuery): boolean {
  if (query.direction) return query.direction === "desc";
  return query.sort !== "name";
}

function ordering(query: RepoListQuery, backward = false): SQL[] {
  const dir = descending(query) !== backward ? desc : asc;
  return [...sortKeys(query.sort ?? "updated").map((key) => dir(key)), dir(repos.id)];
}

/**
 * The rows strictly past `position` in the walk's direction: `k1 ≥ v1 AND (k1 > v1 OR (k2 ≥ v2 AND
 * …(id > i)))` for an ascending walk. The leading `≥` is a range the sort index can seek to; an
 * equivalent row-value or OR-only form makes SQLite scan from the start of the index.
 */
function pastPosition(query: RepoListQuery, position: RepoListPosition, backward: boolean): SQL {
  const down = descending(query) !== backward;
  const strict = down ? sql`<` : sql`>`;
  const loose = down ? sql`<=` : sql`>=`;
  const keys = sortKeys(query.sort ?? "updated");
  let rest = sql`${repos.id} ${strict} ${position.id}`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const value = position.key[i];
    rest = sql`(${keys[i]} ${loose} ${value} AND (${keys[i]} ${strict} ${value} OR ${rest}))`;
  }
  return rest;
}

/** Above this many matches a text search walks the sort index (`textMatch`). */
const broadMatches = 1000;
/**
 * From this offset on, a page's ids are found first and only its own rows are read
 * (`listRepoRecords`); the lists link deeper pages by keyset (`after`), which reads only the page.
 */
const deepOffset = 1000;

export type RepoListResult = {
  items: RepoListRecord[];
  total: number;
  /** Whether rows follow the page in the walk's direction (before it, for a `before` page). */
  hasMore: boolean;
};

/** `mayLagMs`: the total may be served stale that long after a write (`cachedForMatches`). */
export async function listRepoRecords(
  query: RepoListQuery,
  options: { mayLagMs?: number } = {},
): Promise<RepoListResult> {
  const db = getDb();
  const where = conditions(query);
  const total = cachedForMatches(
    "total",
    query,
    () =>
      db
        .select({ n: count() })
        .from(repos)
        .innerJoin(owners, eq(owners.id, repos.ownerId))
        .where(where)
        .get()?.n ?? 0,
    options,
  );
  const pageWhere = conditions(query, undefined, total > broadMatches);
  const sort = query.sort ?? "updated";
  const rows = (filter: SQL | undefined, order: SQL[], offset: number) =>
    db
      .select(listColumns(sort))
      .from(repos)
      .innerJoin(owners, eq(owners.id, repos.ownerId))
      .leftJoin(spaces, eq(spaces.repoId, repos.id))
      .where(filter)
      .orderBy(...order)
      // One row more than the page tells whether another page follows.
      .limit(query.limit + 1)
      .offset(offset)
      .all();
  const position = query.before ?? query.after;
  if (position) {
    const backward = Boolean(query.before);
    const found = rows(
      and(pageWhere, pastPosition(query, position, backward)),
      ordering(query, backward),
      0,
    );
    const items = found.slice(0, query.limit);
    return {
      items: backward ? items.reverse() : items,
      total,
      hasMore: found.length > query.limit,
    };
  }
  const offset = query.offset ?? 0;
  // A deep page skips thousands of rows: skip them in a query that joins and reads nothing else.
  const deep = offset >= deepOffset;
  const pageIds = db
    .select({ id: repos.id })
    .from(repos)
    .innerJoin(owners, eq(owners.id, repos.ownerId))
    .where(pageWhere)
    .orderBy(...ordering(query))
    .limit(query.limit + 1)
    .offset(offset);
  const found = rows(
    deep ? inArray(repos.id, pageIds) : pageWhere,
    ordering(query),
    deep ? 0 : offset,
  );
  return { items: found.slice(0, query.limit), total, hasMore: found.length > query.limit };
}

/**
 * How many listed repositories carry each label value. Each facet is counted with every other
 * filter applied but not its own, so choosing "PyTorch" still shows how many are MindSpore.
 */
export async function countRepoFacets(
  query: RepoListQuery,
  facets: readonly RepoFacet[] = repoFacets,
  options: { limitPerFacet?: number; mayLagMs?: number } = {},
): Promise<FacetCounts> {
  const db = getDb();
  const { limitPerFacet = 30, mayLagMs } = options;
  const result: FacetCounts = {};
  for (const facet of facets) {
    result[facet] = cachedForMatches(
      `facet ${facet} ${limitPerFacet}`,
      query,
      () =>
        db
          .select({ value: repoLabels.value, count: count() })
          .from(repoLabels)
          .innerJoin(repos, eq(repos.id, repoLabels.repoId))
          .innerJoin(owners, eq(owners.id, repos.ownerId))
          .where(and(eq(repoLabels.facet, facet), conditions(query, facet)))
          .groupBy(repoLabels.value)
          .orderBy(desc(count()), asc(repoLabels.value))
          .limit(limitPerFacet)
          .all(),
      { mayLagMs },
    );
  }
  return result;
}
