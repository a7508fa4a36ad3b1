import "server-only";

import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";

import { getDb } from "../client";
import { jobs } from "../schema";

/**
 * Stores the URL of a running attempt's service. Only that attempt, while it runs on a runner: a
 * late report of an attempt that ended or was requeued must not resurrect a dead endpoint (ending
 * and requeueing clear it). False when the attempt is not running.
 */
export async function setJobEndpoint(input: {
  jobId: number;
  attempt: number;
  url: string;
}): Promise<boolean> {
  const result = getDb()
    .update(jobs)
    .set({ endpoint: input.url })
    .where(
      and(
        eq(jobs.id, input.jobId),
        eq(jobs.attempt, input.attempt),
        eq(jobs.state, "running"),
        isNotNull(jobs.runnerId),
      ),
    )
    .run();
  return result.changes > 0;
}

/**
 * The endpoint of a job whose service can take requests now: running under a live lease, not
 * being cancelled. A lapsed lease means the runner is gone even before the reaper notices.
 */
export async function findLiveJobEndpoint(jobId: number, now: Date): Promise<string | null> {
  const row = getDb()
    .select({ endpoint: jobs.endpoint })
    .from(jobs)
    .where(
      and(
        eq(jobs.id, jobId),
        eq(jobs.state, "running"),
        gt(jobs.leaseUntil, now),
        isNull(jobs.cancelRequestedAt),
      ),
    )
    .get();
  return row?.endpoint ?? null;
}
