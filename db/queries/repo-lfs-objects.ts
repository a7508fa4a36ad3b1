import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import { getDb } from "../client";
import { repoLfsObjects } from "../schema";

export type LinkedLfsObject = { sha256: string; size: number };

/** Links LFS objects to a repository (idempotent). */
export async function linkRepoLfsObjects(
  repoId: number,
  objects: LinkedLfsObject[],
): Promise<void> {
  if (objects.length === 0) return;
  const db = getDb();
  for (let i = 0; i < objects.length; i += 500) {
    db.insert(repoLfsObjects)
      .values(objects.slice(i, i + 500).map((o) => ({ repoId, sha256: o.sha256, size: o.size })))
      .onConflictDoNothing()
      .run();
  }
}

/** The objects among `sha256s` that are linked to the repository, with their sizes. */
export async function findRepoLfsObjects(
  repoId: number,
  sha256s: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < sha256s.length; i += 500) {
    const rows = getDb()
      .select({ sha256: repoLfsObjects.sha256, size: repoLfsObjects.size })
      .from(repoLfsObjects)
      .where(
        and(
          eq(repoLfsObjects.repoId, repoId),
          inArray(repoLfsObjects.sha256, sha256s.slice(i, i + 500)),
        ),
      )
      .all();
    for (const row of rows) found.set(row.sha256, row.size);
  }
  return found;
}
