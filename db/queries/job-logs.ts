import "server-only";

import { eq } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, type JobState } from "../schema";

/** Writes bytes into a job's log file at an offset (synchronously: it runs inside a transaction). */
export type LogWriter = (jobId: number, offset: number, bytes: Uint8Array) => void;

export type AppendOutcome =
  | { status: "appended"; size: number }
  | { status: "offset_mismatch"; size: number }
  | { status: "too_large"; size: number }
  | { status: "not_running"; size: number };

/**
 * Appends a chunk at `offset`, which must equal the stored size. The check, the file write and the
 * size update happen under the database write lock, so two writers (a retried request racing its
 * original) cannot interleave; readers never read past the committed size.
 */
export async function appendJobLog(input: {
  jobId: number;
  attempt: number;
  offset: number;
  bytes: Uint8Array;
  maxSize: number;
  writeLog: LogWriter;
}): Promise<AppendOutcome> {
  return getDb().transaction(
    (tx) => {
      const job = tx
        .select({ state: jobs.state, attempt: jobs.attempt, logSize: jobs.logSize })
        .from(jobs)
        .where(eq(jobs.id, input.jobId))
        .get();
      if (!job || job.state !== "running" || job.attempt !== input.attempt) {
        return { status: "not_running", size: job?.logSize ?? 0 };
      }
      if (input.offset !== job.logSize) return { status: "offset_mismatch", size: job.logSize };
      if (job.logSize + input.bytes.length > input.maxSize)
        return { status: "too_large", size: job.logSize };
      input.writeLog(input.jobId, job.logSize, input.bytes);
      const size = job.logSize + input.bytes.length;
      tx.update(jobs).set({ logSize: size }).where(eq(jobs.id, input.jobId)).run();
      return { status: "appended", size };
    },
    { behavior: "immediate" },
  );
}

export type JobLogState = { size: number; state: JobState };

export async function findJobLogState(jobId: number): Promise<JobLogState | null> {
  return (
    getDb()
      .select({ size: jobs.logSize, state: jobs.state })
      .from(jobs)
      .where(eq(jobs.id, jobId))
      .get() ?? null
  );
}
