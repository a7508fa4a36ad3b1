import "server-only";

// Query functions are async although better-sqlite3 is synchronous, so that callers stay the same
// when the database becomes Postgres.
/* eslint-disable @typescript-eslint/require-await */

import { and, eq, gte, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";

import { getDb, getSqlite } from "../client";
import { registryBlobs, registryManifestRefs, registryManifests, registryUploads } from "../schema";

export type GcBlob = { digest: string; size: number };

/** No manifest anywhere in the registry is, or references, the blob. */
function unreferenced(): SQL[] {
  const db = getDb();
  return [
    notExists(
      db
        .select({ one: sql`1` })
        .from(registryManifests)
        .where(eq(registryManifests.digest, registryBlobs.digest)),
    ),
    notExists(
      db
        .select({ one: sql`1` })
        .from(registryManifestRefs)
        .where(eq(registryManifestRefs.digest, registryBlobs.digest)),
    ),
  ];
}

/** Registry-owned blobs no manifest uses, untouched since `before` (younger ones may belong to a push in progress). */
export async function listUnreferencedRegistryBlobs(before: Date): Promise<GcBlob[]> {
  return getDb()
    .select({ digest: registryBlobs.digest, size: registryBlobs.size })
    .from(registryBlobs)
    .where(
      and(
        eq(registryBlobs.origin, "registry"),
        lt(registryBlobs.touchedAt, before),
        ...unreferenced(),
      ),
    )
    .all();
}

/** How many unused blobs are too recent to collect yet. */
export async function countRecentUnreferencedBlobs(since: Date): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(registryBlobs)
    .where(
      and(
        eq(registryBlobs.origin, "registry"),
        gte(registryBlobs.touchedAt, since),
        ...unreferenced(),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/**
 * Forgets a blob if it is still unused and old, and runs `removeBytes` inside the same write
 * transaction: a push that links or references the blob either commits first (and the blob
 * stays) or waits, then finds the record gone and stores the bytes again.
 */
export async function deleteRegistryBlobIfUnused(
  digest: string,
  before: Date,
  removeBytes: () => void,
): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ digest: registryBlobs.digest })
        .from(registryBlobs)
        .where(
          and(
            eq(registryBlobs.digest, digest),
            eq(registryBlobs.origin, "registry"),
            lt(registryBlobs.touchedAt, before),
            ...unreferenced(),
          ),
        )
        .get();
      if (!row) return false;
      tx.delete(registryBlobs).where(eq(registryBlobs.digest, digest)).run();
      removeBytes();
      return true;
    },
    { behavior: "immediate" },
  );
}

export type StaleUpload = { id: string; tempFile: string };

/** Upload sessions nobody has written to since `before` and that no request is writing now. */
export async function listStaleUploads(before: Date, now: Date): Promise<StaleUpload[]> {
  return getDb()
    .select({ id: registryUploads.id, tempFile: registryUploads.tempFile })
    .from(registryUploads)
    .where(staleUpload(before, now))
    .all();
}

function staleUpload(before: Date, now: Date) {
  return and(
    lt(registryUploads.updatedAt, before),
    or(isNull(registryUploads.lockedUntil), lt(registryUploads.lockedUntil, now)),
  );
}

export async function deleteUploadIfStale(id: string, before: Date, now: Date): Promise<boolean> {
  return (
    getDb()
      .delete(registryUploads)
      .where(and(eq(registryUploads.id, id), staleUpload(before, now)))
      .run().changes > 0
  );
}

const digestColumns = ["oid", "sha256", "digest"];
/** LFS tables that hold objects (not locks or settings): `lfs_objects`, `repo_lfs_files`, … */
const lfsObjectTable = /lfs.*(object|file|blob|pointer)|(object|file|blob|pointer).*lfs/i;

/**
 * The digests (of those given) that another feature's table still refers to. The blob store is
 * shared with git LFS: every table whose name says it holds LFS objects is consulted by its `oid`,
 * `sha256` or `digest` column (hex or `sha256:` form). Such a table of unknown shape stops GC
 * rather than risk deleting LFS objects.
 */
export async function findDigestsUsedOutsideRegistry(digests: string[]): Promise<Set<string>> {
  const sqlite = getSqlite();
  const used = new Set<string>();
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE '%lfs%'")
    .all() as { name: string }[];
  for (const { name: table } of tables.filter((t) => lfsObjectTable.test(t.name))) {
    const columns = (
      sqlite.prepare(`PRAGMA table_info("${table.replaceAll('"', '""')}")`).all() as {
        name: string;
      }[]
    ).map((c) => c.name);
    const column = digestColumns.find((c) => columns.includes(c));
    if (!column) {
      throw new Error(
        `Registry GC cannot tell which blobs table "${table}" uses (no oid/sha256/digest column); refusing to delete.`,
      );
    }
    for (let i = 0; i < digests.length; i += 400) {
      const batch = digests.slice(i, i + 400);
      const forms = batch.flatMap((d) => [d, d.slice("sha256:".length)]);
      const placeholders = forms.map(() => "?").join(",");
      const rows = sqlite
        .prepare(
          `SELECT "${column}" AS value FROM "${table.replaceAll('"', '""')}" WHERE "${column}" IN (${placeholders})`,
        )
        .all(...forms) as { value: string }[];
      for (const { value } of rows)
        used.add(value.startsWith("sha256:") ? value : `sha256:${value}`);
    }
  }
  return used;
}
