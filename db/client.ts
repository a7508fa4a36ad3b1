import "server-only";

import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import path from "node:path";

import { getConfig } from "@/lib/config";

import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The type of `tx` inside `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What both take: the connection, or a transaction on it (for helpers that run inside either). */
export type Queryable = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

type Handle = {
  db: Db;
  sqlite: Database.Database;
  file: string;
  /**
   * Runs its argument in a transaction of better-sqlite3's own (`.immediate` takes the write lock).
   * Made on first use: the handle may come from another module graph's copy of this file.
   */
  inTransaction?: Database.Transaction<(fn: () => unknown) => unknown>;
};

// Kept on globalThis so that dev-mode reloads and the several module graphs Next builds
// (instrumentation, routes, pages) share one connection per process.
const globalForDb = globalThis as unknown as { strataDb?: Handle };

export function databaseFile(dataDir = getConfig().dataDir): string {
  return path.join(dataDir, "strata.db");
}

function open(file: string): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Owner-only before SQLite opens it: its -wal and -shm files take the database file's mode.
  fs.closeSync(fs.openSync(file, "a", 0o600));
  fs.chmodSync(file, 0o600);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // The web server, the CLI and runners on this host may write at the same time.
  sqlite.pragma("busy_timeout = 5000");
  return { db: drizzle(sqlite, { schema }), sqlite, file };
}

function handle(): Handle {
  const file = databaseFile();
  if (globalForDb.strataDb?.file !== file) {
    globalForDb.strataDb?.sqlite.close();
    globalForDb.strataDb = open(file);
  }
  return globalForDb.strataDb;
}

export function getDb(): Db {
  return handle().db;
}

/**
 * Runs `fn` in an immediate (write-locked) transaction on the connection. For the runner protocol's
 * hot paths, whose statements are prepared once (db/queries/prepared.ts): drizzle's
 * `db.transaction` builds a transaction object per call, with a relational query builder for every
 * table of the schema, which cost more than the claim's own statements. Statements run through
 * `getDb()` inside `fn` belong to the transaction (one connection); it rolls back when `fn` throws.
 */
export function immediateTransaction<T>(fn: () => T): T {
  const h = handle();
  h.inTransaction ??= h.sqlite.transaction((run: () => unknown) => run());
  return h.inTransaction.immediate(fn) as T;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies committed migrations; safe to call on every start and from several processes. */
export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder });
}

export function closeDatabase(): void {
  globalForDb.strataDb?.sqlite.close();
  delete globalForDb.strataDb;
}
