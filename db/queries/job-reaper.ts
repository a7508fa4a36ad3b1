import "server-only";

import { and, eq, lt, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, type JobKind, type JobState } from "../schema";
import type { LogWriter } from "./job-logs";
import { lostJobColumns, requeueOrEnd } from "./job-requeue";

export type ReapedJob = { id: number; state: JobState };

/**
 * Running jobs whose lease ran out: their runner stopped renewing (crashed, lost its network, was
 * removed). Each is requeued or ended in the same write transaction that found it, so two server
 * instances reaping at once settle each job once.
 */
export async function reapExpiredLeases(input: {
  now: Date;
  retryableKinds: readonly JobKind[];
  writeLog: LogWriter;
}): Promise<ReapedJob[]> {
  return getDb().transaction(
    (tx) => {
      const expired = tx
        .select(lostJobColumns)
        .from(jobs)
        .where(and(eq(jobs.state, "running"), lt(jobs.leaseUntil, input.now)))
        .all();
      return expired.map((job) => ({
        id: job.id,
        state: requeueOrEnd(tx, job, {
          reason: "The runner stopped reporting (lease expired)",
          finalState: "runner_lost",
          retryableKinds: input.retryableKinds,
          now: input.now,
          writeLog: input.writeLog,
        }),
      }));
    },
    { behavior: "immediate" },
  );
}

/**
 * Running jobs past their own timeout plus a grace period: the runner should have stopped them
 * itself. The runner learns of it at its next heartbeat (`cancel`).
 */
export async function reapOverdueJobs(input: {
  now: Date;
  graceSeconds: number;
}): Promise<number[]> {
  const deadline = sql`${jobs.startedAt} + (${jobs.timeoutSeconds} + ${input.graceSeconds}) * 1000`;
  return getDb()
    .update(jobs)
    .set({
      state: "timed_out",
      finishedAt: input.now,
      leaseUntil: null,
      endpoint: null,
      failureReason: "The job ran past its time limit; the server stopped it.",
    })
    .where(and(eq(jobs.state, "running"), lt(deadline, input.now.getTime())))
    .returning({ id: jobs.id })
    .all()
    .map((row) => row.id);
}

/** Jobs never picked up in time (e.g. no runner will ever have their labels); requeued ones keep waiting. */
export async function reapStaleQueuedJobs(input: {
  now: Date;
  maxQueuedSeconds: number;
}): Promise<number[]> {
  const cutoff = new Date(input.now.getTime() - input.maxQueuedSeconds * 1000);
  return getDb()
    .update(jobs)
    .set({
      state: "failed",
      finishedAt: input.now,
      failureReason: `No runner picked the job up within ${Math.round(input.maxQueuedSeconds / 3600)} h.`,
    })
    .where(and(eq(jobs.state, "queued"), eq(jobs.attempt, 0), lt(jobs.queuedAt, cutoff)))
    .returning({ id: jobs.id })
    .all()
    .map((row) => row.id);
}
