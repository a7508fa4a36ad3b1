import "server-only";

import { and, count, eq, inArray, lt } from "drizzle-orm";

import { getDb } from "../client";
import { stagedUploads } from "../schema";

export type StagedUpload = {
  id: string;
  userId: number;
  repoId: number;
  tempFile: string;
  size: number;
  sha256: string;
  expiresAt: Date;
};

const columns = {
  id: stagedUploads.id,
  userId: stagedUploads.userId,
  repoId: stagedUploads.repoId,
  tempFile: stagedUploads.tempFile,
  size: stagedUploads.size,
  sha256: stagedUploads.sha256,
  expiresAt: stagedUploads.expiresAt,
};

export async function insertStagedUpload(
  input: Omit<StagedUpload, "expiresAt"> & { expiresAt: Date },
): Promise<void> {
  getDb().insert(stagedUploads).values(input).run();
}

/** The caller's unexpired uploads for one repository among `ids` (others are simply not returned). */
export async function findStagedUploads(input: {
  ids: string[];
  userId: number;
  repoId: number;
  now?: Date;
}): Promise<StagedUpload[]> {
  if (input.ids.length === 0) return [];
  const rows = getDb()
    .select(columns)
    .from(stagedUploads)
    .where(
      and(
        inArray(stagedUploads.id, input.ids),
        eq(stagedUploads.userId, input.userId),
        eq(stagedUploads.repoId, input.repoId),
      ),
    )
    .all();
  const now = input.now ?? new Date();
  return rows.filter((row) => row.expiresAt > now);
}

export async function countStagedUploads(userId: number): Promise<number> {
  return (
    getDb().select({ n: count() }).from(stagedUploads).where(eq(stagedUploads.userId, userId)).get()
      ?.n ?? 0
  );
}

/** Deletes rows by id, only the user's own; returns the temp files they named. */
export async function deleteStagedUploads(ids: string[], userId: number): Promise<string[]> {
  if (ids.length === 0) return [];
  return getDb()
    .delete(stagedUploads)
    .where(and(inArray(stagedUploads.id, ids), eq(stagedUploads.userId, userId)))
    .returning({ tempFile: stagedUploads.tempFile })
    .all()
    .map((row) => row.tempFile);
}

/** Deletes expired rows; returns the temp files they named. */
export async function deleteExpiredStagedUploads(now = new Date()): Promise<string[]> {
  return getDb()
    .delete(stagedUploads)
    .where(lt(stagedUploads.expiresAt, now))
    .returning({ tempFile: stagedUploads.tempFile })
    .all()
    .map((row) => row.tempFile);
}

/** Which of these temp files are still named by a row (the rest are leftovers). */
export async function findStagedTempFiles(files: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < files.length; i += 500) {
    const rows = getDb()
      .select({ tempFile: stagedUploads.tempFile })
      .from(stagedUploads)
      .where(inArray(stagedUploads.tempFile, files.slice(i, i + 500)))
      .all();
    for (const row of rows) found.add(row.tempFile);
  }
  return found;
}
