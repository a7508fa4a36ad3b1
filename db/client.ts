import "server-only";

import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";

import { getConfig } from "@/lib/config";

import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The type of `tx` inside `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; sqlite: Database.Database; file: string };

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

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies committed migrations; safe to call on every start and from several processes. */
export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder });
}

export function closeDatabase(): void {
  globalForDb.strataDb?.sqlite.close();
  delete globalForDb.strataDb;
}
