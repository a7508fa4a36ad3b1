import "server-only";

import { inArray } from "drizzle-orm";

import { getDb } from "../client";
import { lfsObjects } from "../schema";

/**
 * Marks a blob as used by git LFS. Call it only once the bytes are in the store (a row must never
 * name missing bytes), through `recordStoredLfsObject`, which covers the race with registry GC.
 */
export async function recordLfsObject(sha256: string, size: number): Promise<void> {
  getDb().insert(lfsObjects).values({ sha256, size }).onConflictDoNothing().run();
}

/** Which of these sha256 digests (hex) LFS uses. */
export async function findLfsObjects(sha256s: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < sha256s.length; i += 500) {
    const rows = getDb()
      .select({ sha256: lfsObjects.sha256 })
      .from(lfsObjects)
      .where(inArray(lfsObjects.sha256, sha256s.slice(i, i + 500)))
      .all();
    for (const row of rows) found.add(row.sha256);
  }
  return found;
}
