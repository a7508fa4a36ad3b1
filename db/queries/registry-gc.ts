import "server-only";

import { and, eq, gte, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";

import { getDb } from "../client";
import { registryBlobs, registryManifestRefs, registryManifests, registryUploads } from "../schema";
import { findLfsObjects } from "./lfs-objects";

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

/**
 * The digests (of those given) that git LFS uses: the blob store is shared, and an LFS object may
 * have the same content as a registry layer.
 */
export async function findDigestsUsedOutsideRegistry(digests: string[]): Promise<Set<string>> {
  const hex = digests.map((d) => d.replace(/^sha256:/, ""));
  const used = await findLfsObjects(hex);
  return new Set([...used].map((h) => `sha256:${h}`));
}
