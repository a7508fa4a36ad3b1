import "server-only";

import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";

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

function textMatch(q: string): SQL {
  const text = q.trim();
  // The trigram index needs three characters; shorter text falls back to a name/owner scan.
  if ([...text].length >= 3) {
    return sql`${repos.id} IN (SELECT rowid FROM repo_search WHERE repo_search MATCH ${ftsPhrase(text)})`;
  }
  return sql`(${containsText(repos.name, text)} OR ${containsText(owners.name, text)})`;
}

function conditions(query: RepoListQuery, exceptFacet?: RepoFacet): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(repos.type, query.type), visibleTo(query.viewer)];
  if (query.q?.trim()) parts.push(textMatch(query.q));
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
      // Names read naturally A→Z unless asked otherwise.
      return query.direction === "desc"
        ? [desc(sql`lower(${owners.name} || '/' || ${repos.name})`)]
        : [asc(sql`lower(${owners.name} || '/' || ${repos.name})`)];
    case "updated":
      return [dir(repos.updatedAt), dir(repos.id)];
  }
}

export async function listRepoRecords(
  query: RepoListQuery,
): Promise<{ items: RepoListRecord[]; total: number }> {
  const db = getDb();
  const where = conditions(query);
  const items = db
    .select(listColumns)
    .from(repos)
    .innerJoin(owners, eq(owners.id, repos.ownerId))
    .leftJoin(spaces, eq(spaces.repoId, repos.id))
    .where(where)
    .orderBy(...ordering(query))
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(repos)
      .innerJoin(owners, eq(owners.id, repos.ownerId))
      .where(where)
      .get()?.n ?? 0;
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
    result[facet] = db
      .select({ value: repoLabels.value, count: count() })
      .from(repoLabels)
      .innerJoin(repos, eq(repos.id, repoLabels.repoId))
      .innerJoin(owners, eq(owners.id, repos.ownerId))
      .where(and(eq(repoLabels.facet, facet), conditions(query, facet)))
      .groupBy(repoLabels.value)
      .orderBy(desc(count()), asc(repoLabels.value))
      .limit(limitPerFacet)
      .all();
  }
  return result;
}
