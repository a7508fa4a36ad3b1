import "server-only";

import { and, eq, isNotNull, sql } from "drizzle-orm";

import { getDb, immediateTransaction } from "../client";
import { jobs, type JobKind, type JobState } from "../schema";
import type { LogWriter } from "./job-logs";
import { lostJobColumns, requeueOrEnd } from "./job-requeue";
import { preparedStatements } from "./prepared";

/** The job behind a job token, as the runner protocol sees it. */
export type JobRunView = {
  id: number;
  kind: JobKind;
  attempt: number;
  state: JobState;
  runnerId: number | null;
  cancelRequestedAt: Date | null;
  startedAt: Date | null;
  timeoutSeconds: number;
  leaseUntil: Date | null;
  logSize: number;
  grants: { clone?: string[]; push?: string[] };
  resourceType: string;
  resourceId: string | null;
};

const p = sql.placeholder;

// Every log chunk, heartbeat and finish of every running job goes through these.
const statements = preparedStatements((db) => ({
  byTokenHash: db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      attempt: jobs.attempt,
      state: jobs.state,
      runnerId: jobs.runnerId,
      cancelRequestedAt: jobs.cancelRequestedAt,
      startedAt: jobs.startedAt,
      timeoutSeconds: jobs.timeoutSeconds,
      leaseUntil: jobs.leaseUntil,
      logSize: jobs.logSize,
      grants: jobs.grants,
      resourceType: jobs.resourceType,
      resourceId: jobs.resourceId,
    })
    .from(jobs)
    .where(eq(jobs.tokenHash, p("tokenHash")))
    .prepare(),
  renewLease: db
    .update(jobs)
    .set({ leaseUntil: sql`${p("leaseUntil")}` })
    .where(
      and(
        eq(jobs.id, p("jobId")),
        eq(jobs.attempt, p("attempt")),
        eq(jobs.state, "running"),
        isNotNull(jobs.runnerId),
      ),
    )
    .prepare(),
  finishing: db
    .select({ ...lostJobColumns, state: jobs.state })
    .from(jobs)
    .where(eq(jobs.id, p("jobId")))
    .prepare(),
  finish: db
    .update(jobs)
    .set({
      state: sql`${p("state")}`,
      exitCode: sql`${p("exitCode")}`,
      failureReason: sql`${p("failureReason")}`,
      finishedAt: sql`${p("finishedAt")}`,
      hookDoneAt: sql`${p("hookDoneAt")}`,
      leaseUntil: null,
      endpoint: null,
    })
    .where(and(eq(jobs.id, p("jobId")), eq(jobs.state, "running"), eq(jobs.attempt, p("attempt"))))
    .prepare(),
}));

export async function findJobByTokenHash(tokenHash: string): Promise<JobRunView | null> {
  return statements().byTokenHash.get({ tokenHash }) ?? null;
}

/** Extends the lease of a running attempt; false when the attempt is no longer running (or its runner was removed). */
export async function renewJobLease(input: {
  jobId: number;
  attempt: number;
  leaseUntil: Date;
}): Promise<boolean> {
  const result = statements().renewLease.run({
    jobId: input.jobId,
    attempt: input.attempt,
    leaseUntil: input.leaseUntil.getTime(),
  });
  return result.changes > 0;
}

export type RunnerOutcome = "succeeded" | "failed" | "cancelled" | "timed_out" | "handed_back";

export type FinishOutcome =
  | { status: "finished"; state: JobState; logSize: number }
  | { status: "superseded" }
  | { status: "log_incomplete"; logSize: number };

/**
 * Records the runner's final word on an attempt. Idempotent: a repeated call for an attempt that
 * already ended returns the recorded state and changes nothing. A cancel the user asked for wins
 * over the runner's outcome; a job handed back at shutdown is requeued like a lost one.
 */
export async function finishJobAttempt(input: {
  jobId: number;
  attempt: number;
  outcome: RunnerOutcome;
  exitCode: number | null;
  reason: string | null;
  logSize?: number;
  now: Date;
  retryableKinds: readonly JobKind[];
  /**
   * Kinds without an `onFinished` hook: their jobs end with the hook recorded as done, so no hook
   * pass has to find and mark them one by one afterwards.
   */
  hooklessKinds?: readonly JobKind[];
  writeLog: LogWriter;
}): Promise<FinishOutcome> {
  const s = statements();
  return immediateTransaction((): FinishOutcome => {
    const job = s.finishing.get({ jobId: input.jobId });
    if (!job || job.attempt !== input.attempt) return { status: "superseded" };
    if (job.state !== "running") {
      // Ended already: by an earlier finish (a retry of it lands here), or by the server.
      return job.state === "queued"
        ? { status: "superseded" }
        : { status: "finished", state: job.state, logSize: job.logSize };
    }
    if (input.logSize !== undefined && input.logSize > job.logSize) {
      return { status: "log_incomplete", logSize: job.logSize };
    }
    if (input.outcome === "handed_back") {
      const state = requeueOrEnd(getDb(), job, {
        reason: input.reason ?? "The runner shut down before the job finished",
        finalState: "failed",
        retryableKinds: input.retryableKinds,
        now: input.now,
        writeLog: input.writeLog,
      });
      return { status: "finished", state, logSize: job.logSize };
    }
    const state: JobState = job.cancelRequestedAt ? "cancelled" : input.outcome;
    s.finish.run({
      jobId: input.jobId,
      attempt: input.attempt,
      state,
      exitCode: input.exitCode,
      failureReason: state === "succeeded" ? null : (input.reason ?? null),
      finishedAt: input.now.getTime(),
      hookDoneAt: input.hooklessKinds?.includes(job.kind) ? input.now.getTime() : null,
    });
    return { status: "finished", state, logSize: job.logSize };
  });
}

/**
 * Puts a just-claimed job back when its poll's client went away before the job could be delivered;
 * the claim does not count as an attempt.
 */
export async function releaseUndeliveredClaim(jobId: number, attempt: number): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const result = tx
        .update(jobs)
        .set({
          state: "queued",
          attempt: attempt - 1,
          runnerId: null,
          runnerName: null,
          npuDevices: [],
          tokenHash: null,
          leaseUntil: null,
          startedAt: null,
          endpoint: null,
        })
        .where(and(eq(jobs.id, jobId), eq(jobs.state, "running"), eq(jobs.attempt, attempt)))
        .run();
      return result.changes > 0;
    },
    { behavior: "immediate" },
  );
}
