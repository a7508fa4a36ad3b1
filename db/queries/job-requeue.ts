import "server-only";

import { and, eq } from "drizzle-orm";

import type { Queryable } from "../client";
import { jobs, type JobKind, type JobState } from "../schema";
import type { LogWriter } from "./job-logs";

export type LostJob = {
  id: number;
  kind: JobKind;
  attempt: number;
  maxAttempts: number;
  logSize: number;
  cancelRequestedAt: Date | null;
};

export const lostJobColumns = {
  id: jobs.id,
  kind: jobs.kind,
  attempt: jobs.attempt,
  maxAttempts: jobs.maxAttempts,
  logSize: jobs.logSize,
  cancelRequestedAt: jobs.cancelRequestedAt,
};

/**
 * Settles a running job whose runner is gone (lease expired) or gave it back (shutdown): requeued
 * when its kind is retryable and attempts remain, otherwise ended as `finalState`. A note goes into
 * the log, and the next attempt's log starts after it. Runs inside the caller's write transaction.
 */
export function requeueOrEnd(
  tx: Queryable,
  job: LostJob,
  options: {
    reason: string;
    finalState: Extract<JobState, "runner_lost" | "failed">;
    retryableKinds: readonly JobKind[];
    now: Date;
    writeLog: LogWriter;
  },
): JobState {
  const { now } = options;
  const reason = options.reason.replace(/\.$/, "");
  const stillRunning = and(
    eq(jobs.id, job.id),
    eq(jobs.state, "running"),
    eq(jobs.attempt, job.attempt),
  );
  const retry =
    !job.cancelRequestedAt &&
    options.retryableKinds.includes(job.kind) &&
    job.attempt < job.maxAttempts;
  const note = retry
    ? `\n[strata] ${reason}; queued again (attempt ${job.attempt + 1} of ${job.maxAttempts}).\n`
    : `\n[strata] ${reason}.\n`;
  const bytes = Buffer.from(note);
  options.writeLog(job.id, job.logSize, bytes);
  const logSize = job.logSize + bytes.length;
  if (retry) {
    tx.update(jobs)
      .set({
        state: "queued",
        runnerId: null,
        npuDevices: [],
        tokenHash: null,
        leaseUntil: null,
        startedAt: null,
        endpoint: null,
        failureReason: reason,
        logSize,
        logOffset: logSize,
      })
      .where(stillRunning)
      .run();
    return "queued";
  }
  const state: JobState = job.cancelRequestedAt ? "cancelled" : options.finalState;
  tx.update(jobs)
    .set({
      state,
      leaseUntil: null,
      endpoint: null,
      finishedAt: now,
      failureReason: reason,
      logSize,
    })
    .where(stillRunning)
    .run();
  return state;
}
