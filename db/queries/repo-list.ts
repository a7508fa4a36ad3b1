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
type RepoSort = (typeof repoSorts)[number];

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
};

export type FacetCounts = Partial<Record<RepoFacet, { value: string; count: number }[]>>;

/** A listed repository: its record, the card's own tags and, for a Space, its card look and build. */
export type RepoListRecord = RepoRecord & {
  cardTags: string[];
  space: (SpaceCardLook & { buildState: SpaceBuildState }) | null;
};

const listColumns = {
  ...recordColumns,
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
};

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

function ordering(query: RepoListQuery): SQL[] {
  const dir = query.direction === "asc" ? asc : desc;
  switch (query.sort ?? "updated") {
    case "likes":
      return [dir(repos.likes), desc(repos.updatedAt)];
    case "downloads":
      return [dir(repos.downloads), desc(repos.updatedAt)];
    case "created":
      return [dir(repos.createdAt), dir(repos.id)];
    case "name":
      // Names read naturally A→Z unless asked otherwise. Owner, then name: both have an index on
      // their lower-cased name, so a page needs no sort of every repository.
      return query.direction === "desc"
        ? [desc(sql`lower(${owners.name})`), desc(sql`lower(${repos.name})`)]
        : [asc(sql`lower(${owners.name})`), asc(sql`lower(${repos.name})`)];
    case "updated":
      return [dir(repos.updatedAt), dir(repos.id)];
  }
}

/** Above this many matches a text search walks the sort index (`textMatch`). */
const broadMatches = 1000;
/** From this offset on, a page's ids are found first and only its own rows are read (`listRepoRecords`). */
const deepOffset = 1000;

export async function listRepoRecords(
  query: RepoListQuery,
): Promise<{ items: RepoListRecord[]; total: number }> {
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
  );
  const pageWhere = conditions(query, undefined, total > broadMatches);
  const offset = query.offset ?? 0;
  // A deep page skips thousands of rows: skip them in a query that joins and reads nothing else.
  const deep = offset >= deepOffset;
  const pageIds = db
    .select({ id: repos.id })
    .from(repos)
    .innerJoin(owners, eq(owners.id, repos.ownerId))
    .where(pageWhere)
    .orderBy(...ordering(query))
    .limit(query.limit)
    .offset(offset);
  const items = db
    .select(listColumns)
    .from(repos)
    .innerJoin(owners, eq(owners.id, repos.ownerId))
    .leftJoin(spaces, eq(spaces.repoId, repos.id))
    .where(deep ? inArray(repos.id, pageIds) : pageWhere)
    .orderBy(...ordering(query))
    .limit(query.limit)
    .offset(deep ? 0 : offset)
    .all();
  return { items, total };
}

/**
 * How many listed repositories carry each label value. Each facet is counted with every other
 * filter applied but not its own, so choosing "PyTorch" still shows how many are MindSpore.
 */
export async function countRepoFacets(
  query: RepoListQuery,
  facets: readonly RepoFacet[] = repoFacets,
  limitPerFacet = 30,
): Promise<FacetCounts> {
  const db = getDb();
  const result: FacetCounts = {};
  for (const facet of facets) {
    result[facet] = cachedForMatches(`facet ${facet} ${limitPerFacet}`, query, () =>
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
    );
  }
  return result;
}
