import "server-only";

import { and, eq, isNull, lt, or } from "drizzle-orm";

import { getDb } from "../client";
import { registryUploads } from "../schema";

export type UploadSession = {
  id: string;
  repositoryName: string;
  tempFile: string;
  offset: number;
  createdAt: Date;
};

const sessionColumns = {
  id: registryUploads.id,
  repositoryName: registryUploads.repositoryName,
  tempFile: registryUploads.tempFile,
  offset: registryUploads.offset,
  createdAt: registryUploads.createdAt,
};

export async function insertUpload(input: {
  id: string;
  repositoryName: string;
  tempFile: string;
}): Promise<void> {
  getDb().insert(registryUploads).values(input).run();
}

export async function findUpload(
  id: string,
  repositoryName: string,
): Promise<UploadSession | null> {
  return (
    getDb()
      .select(sessionColumns)
      .from(registryUploads)
      .where(and(eq(registryUploads.id, id), eq(registryUploads.repositoryName, repositoryName)))
      .get() ?? null
  );
}

/**
 * Takes the upload's write lease (compare-and-set), so that two requests never append to the same
 * temp file at once; "busy" when another request holds a live lease.
 */
export async function claimUpload(
  id: string,
  repositoryName: string,
  leaseMs: number,
): Promise<UploadSession | "busy" | null> {
  const now = new Date();
  const claimed = getDb()
    .update(registryUploads)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(registryUploads.id, id),
        eq(registryUploads.repositoryName, repositoryName),
        or(isNull(registryUploads.lockedUntil), lt(registryUploads.lockedUntil, now)),
      ),
    )
    .returning(sessionColumns)
    .get();
  if (claimed) return claimed;
  return (await findUpload(id, repositoryName)) ? "busy" : null;
}

export async function renewUploadLease(id: string, leaseMs: number): Promise<void> {
  getDb()
    .update(registryUploads)
    .set({ lockedUntil: new Date(Date.now() + leaseMs) })
    .where(eq(registryUploads.id, id))
    .run();
}

/** Releases the lease, recording how many bytes are now safely in the temp file. */
export async function releaseUpload(id: string, offset: number): Promise<void> {
  getDb()
    .update(registryUploads)
    .set({ offset, lockedUntil: null, updatedAt: new Date() })
    .where(eq(registryUploads.id, id))
    .run();
}

export async function deleteUpload(id: string): Promise<boolean> {
  return getDb().delete(registryUploads).where(eq(registryUploads.id, id)).run().changes > 0;
}
