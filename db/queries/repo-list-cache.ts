import "server-only";

import { eq } from "drizzle-orm";

import { databaseFile, getDb } from "../client";
import { repoListVersion } from "../schema";
import type { RepoListQuery } from "./repo-list";

/**
 * List totals and facet counts scan every matching repository (tens of thousands of label rows at
 * 100,000 models), while the page of rows itself is a short index walk. They change only when a
 * repository is created, deleted, re-indexed, renamed or changes visibility, or a membership
 * changes: the `repo_list_version` row, moved by triggers on exactly those writes, tells a cached
 * count whether it is still valid, whichever process made the write.
 */
const maxEntries = 2000;
const entries = new Map<string, { version: number; value: unknown }>();

/** Parts of a query that decide what it matches; anything else set on a query is not cached. */
const matchFields = new Set(["type", "viewer", "q", "owner", "filters", "tags"]);
/** Parts that only order or page the matches. */
const pageFields = new Set(["sort", "direction", "limit", "offset"]);

function currentVersion(): number {
  return (
    getDb()
      .select({ version: repoListVersion.version })
      .from(repoListVersion)
      .where(eq(repoListVersion.id, 1))
      .get()?.version ?? 0
  );
}

/** The cache key of what a query matches, or null when it has a condition this cache does not know. */
function matchKey(query: RepoListQuery): string | null {
  const match: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(query)) {
    if (pageFields.has(field) || value === undefined) continue;
    // A filter added later may depend on tables the version does not follow: never serve it stale.
    if (!matchFields.has(field)) return null;
    match[field] = value;
  }
  const viewer = query.viewer ? (query.viewer.isAdmin ? "admin" : query.viewer.id) : null;
  return JSON.stringify([databaseFile(), { ...match, viewer }]);
}

/** `compute()`, or its result from an earlier call with the same query while nothing relevant changed. */
export function cachedForMatches<T>(what: string, query: RepoListQuery, compute: () => T): T {
  const key = matchKey(query);
  if (key === null) return compute();
  const fullKey = `${what}\n${key}`;
  // Read before computing: a write in between leaves the entry tagged with the older version.
  const version = currentVersion();
  const hit = entries.get(fullKey);
  if (hit && hit.version === version) {
    entries.delete(fullKey);
    entries.set(fullKey, hit);
    return hit.value as T;
  }
  const value = compute();
  entries.delete(fullKey);
  entries.set(fullKey, { version, value });
  if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  return value;
}
