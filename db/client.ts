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
  checkpoints: NodeJS.Timeout;
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
  // With synchronous = NORMAL a commit is written to the WAL but synced only when the WAL is
  // checkpointed: a crash of the process loses nothing, a power loss the commits since the last
  // checkpoint (the database stays consistent). SQLite's default checkpoints every 1,000 WAL pages,
  // which under the runner protocol (a few pages per claim and per finish) meant a write-back and
  // two fsyncs every ~100 commits, inside a request. Instead, the WAL is checkpointed once a
  // second, which also bounds what a power loss can take to about a second of commits at any rate
  // of writes (the page bound alone let a quiet server keep commits unsynced indefinitely); the
  // raised page bound stops the WAL from growing without limit if the timer falls behind.
  sqlite.pragma("wal_autocheckpoint = 10000");
  const checkpoints = setInterval(() => {
    try {
      if (sqlite.open) sqlite.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      console.error("[strata] WAL checkpoint failed:", error);
    }
  }, 1_000);
  checkpoints.unref();
  return { db: drizzle(sqlite, { schema }), sqlite, file, checkpoints };
}

function handle(): Handle {
  const file = databaseFile();
  if (globalForDb.strataDb?.file !== file) {
    closeHandle(globalForDb.strataDb);
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

function closeHandle(h: Handle | undefined): void {
  if (!h) return;
  // A handle made by another module graph's older copy of this file has no timer.
  clearInterval(h.checkpoints as NodeJS.Timeout | undefined);
  h.sqlite.close();
}

export function closeDatabase(): void {
  closeHandle(globalForDb.strataDb);
  delete globalForDb.strataDb;
}
