import "server-only";

import { and, asc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, type JobKind, type JobState } from "../schema";

/** An ended job whose kind's `onFinished` hook is still owed. */
export type OwedHookJob = {
  id: number;
  kind: JobKind;
  state: JobState;
  resourceType: string;
  resourceId: string | null;
  spec: Record<string, unknown>;
  exitCode: number | null;
  failureReason: string | null;
  finishedAt: Date;
};

const owed = and(isNotNull(jobs.finishedAt), isNull(jobs.hookDoneAt));

/** Up to `limit` ended jobs owing a hook that nobody holds right now, oldest first. */
export async function listOwedHookJobs(now: Date, limit: number): Promise<OwedHookJob[]> {
  const rows = getDb()
    .select({
      id: jobs.id,
      kind: jobs.kind,
      state: jobs.state,
      resourceType: jobs.resourceType,
      resourceId: jobs.resourceId,
      spec: jobs.spec,
      exitCode: jobs.exitCode,
      failureReason: jobs.failureReason,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(and(owed, or(isNull(jobs.hookClaimedUntil), lt(jobs.hookClaimedUntil, now))))
    .orderBy(asc(jobs.finishedAt))
    .limit(limit)
    .all();
  return rows.map((row) => ({ ...row, finishedAt: row.finishedAt! }));
}

/**
 * Takes the hook of job `id` until `until`: true for exactly one of several processes asking at
 * once, and false when it is done or another process holds it.
 */
export async function claimJobHook(id: number, now: Date, until: Date): Promise<boolean> {
  const result = getDb()
    .update(jobs)
    .set({ hookClaimedUntil: until })
    .where(
      and(eq(jobs.id, id), owed, or(isNull(jobs.hookClaimedUntil), lt(jobs.hookClaimedUntil, now))),
    )
    .run();
  return result.changes > 0;
}

/** Records that the hook of job `id` completed; it will not run again. */
export async function markJobHookDone(id: number, now: Date): Promise<void> {
  getDb()
    .update(jobs)
    .set({ hookDoneAt: now, hookClaimedUntil: null })
    .where(and(eq(jobs.id, id), isNull(jobs.hookDoneAt)))
    .run();
}

/** Lets another pass retry a hook that failed, after `retryAt`. */
export async function deferJobHook(id: number, retryAt: Date): Promise<void> {
  getDb()
    .update(jobs)
    .set({ hookClaimedUntil: retryAt })
    .where(and(eq(jobs.id, id), isNull(jobs.hookDoneAt)))
    .run();
}

/** How many ended jobs still owe their hook (for health and tests). */
export async function countOwedHooks(): Promise<number> {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(jobs)
      .where(owed)
      .get()?.n ?? 0
  );
}
