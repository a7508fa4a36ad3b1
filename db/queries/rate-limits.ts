import "server-only";

import { eq, lt, sql } from "drizzle-orm";

import { getDb } from "../client";
import { rateLimits } from "../schema";

/** Current count for a key in the window that starts at `windowStart` (0 when none). */
export async function readCounter(key: string, windowStart: number): Promise<number> {
  const row = getDb().select().from(rateLimits).where(eq(rateLimits.key, key)).get();
  return row && row.windowStart === windowStart ? row.count : 0;
}

/** Adds one to the key's counter for this window, starting a new window when the old one ended. */
export async function incrementCounter(key: string, windowStart: number): Promise<number> {
  const row = getDb()
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count })
    .get();
  return row.count;
}

export async function clearCounter(key: string): Promise<void> {
  getDb().delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

export async function pruneCounters(before: number): Promise<void> {
  getDb().delete(rateLimits).where(lt(rateLimits.windowStart, before)).run();
}
