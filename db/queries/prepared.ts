import "server-only";

import { getDb, type Db } from "../client";

/**
 * Statements on the job protocol's hot paths (every poll, log chunk, heartbeat and finish of every
 * runner) are built and prepared once per connection instead of on each call: drizzle's query
 * building and SQLite's prepare dominated their cost. Values passed to placeholders skip column
 * encoders, so callers pass what is stored (epoch milliseconds for timestamps, JSON text).
 */
export function preparedStatements<T>(build: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let built = byConnection.get(db);
    if (!built) {
      built = build(db);
      byConnection.set(db, built);
    }
    return built;
  };
}
