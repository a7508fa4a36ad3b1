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
/** `staleSince`: when a visit first found the entry older than the current version. */
const entries = new Map<string, { version: number; value: unknown; staleSince?: number }>();
/** Keys whose value is being recomputed after a visit was served the stale one. */
const refreshing = new Set<string>();

/** Parts of a query that decide what it matches; anything else set on a query is not cached. */
const matchFields = new Set(["type", "viewer", "q", "owner", "filters", "tags"]);
/** Parts that only order or page the matches. */
const pageFields = new Set(["sort", "direction", "limit", "offset", "after", "before"]);

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

function store(fullKey: string, version: number, value: unknown): void {
  entries.delete(fullKey);
  entries.set(fullKey, { version, value });
  if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
}

/**
 * Recomputes an entry after the current request, off the visitor's path. better-sqlite3 is
 * synchronous, so this still takes the event loop for as long as the count runs (one facet: 0.05–0.7 s
 * at 100,000 models); each entry is its own task, so other requests run between them.
 */
function refreshLater(fullKey: string, compute: () => unknown): void {
  if (refreshing.has(fullKey)) return;
  refreshing.add(fullKey);
  setImmediate(() => {
    try {
      const version = currentVersion();
      store(fullKey, version, compute());
    } catch (error) {
      // The next visit past the allowed staleness computes it itself.
      console.error("[strata] refreshing a list count failed:", error);
    } finally {
      refreshing.delete(fullKey);
    }
  });
}

/**
 * `compute()`, or its result from an earlier call with the same query while nothing relevant
 * changed. With `mayLagMs`, an entry that a write made stale is still served — for at most that
 * long after a visit first found it stale — while it is recomputed in the background: the value
 * is one this viewer was shown before (entries are per viewer), only older.
 */
export function cachedForMatches<T>(
  what: string,
  query: RepoListQuery,
  compute: () => T,
  options: { mayLagMs?: number } = {},
): T {
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
  if (hit && options.mayLagMs !== undefined) {
    const now = Date.now();
    hit.staleSince ??= now;
    if (now - hit.staleSince < options.mayLagMs) {
      refreshLater(fullKey, compute);
      return hit.value as T;
    }
  }
  const value = compute();
  store(fullKey, version, value);
  return value;
}
