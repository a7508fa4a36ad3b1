import "server-only";

import { eq, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, type JobState } from "../schema";
import { preparedStatements } from "./prepared";

/** Writes bytes into a job's log file at an offset (synchronously: it runs inside a transaction). */
export type LogWriter = (jobId: number, offset: number, bytes: Uint8Array) => void;

export type AppendOutcome =
  | { status: "appended"; size: number }
  | { status: "offset_mismatch"; size: number }
  | { status: "too_large"; size: number }
  | { status: "not_running"; size: number };

const p = sql.placeholder;

// Runners append about once a second per job; every live log viewer re-reads the size as often.
const statements = preparedStatements((db) => ({
  logState: db
    .select({ state: jobs.state, attempt: jobs.attempt, logSize: jobs.logSize })
    .from(jobs)
    .where(eq(jobs.id, p("jobId")))
    .prepare(),
  setSize: db
    .update(jobs)
    .set({ logSize: sql`${p("size")}` })
    .where(eq(jobs.id, p("jobId")))
    .prepare(),
}));

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
  const s = statements();
  return getDb().transaction(
    () => {
      const job = s.logState.get({ jobId: input.jobId });
      if (!job || job.state !== "running" || job.attempt !== input.attempt) {
        return { status: "not_running", size: job?.logSize ?? 0 };
      }
      if (input.offset !== job.logSize) return { status: "offset_mismatch", size: job.logSize };
      if (job.logSize + input.bytes.length > input.maxSize)
        return { status: "too_large", size: job.logSize };
      input.writeLog(input.jobId, job.logSize, input.bytes);
      const size = job.logSize + input.bytes.length;
      s.setSize.run({ jobId: input.jobId, size });
      return { status: "appended", size };
    },
    { behavior: "immediate" },
  );
}

export type JobLogState = { size: number; state: JobState };

export async function findJobLogState(jobId: number): Promise<JobLogState | null> {
  const job = statements().logState.get({ jobId });
  return job ? { size: job.logSize, state: job.state } : null;
}
