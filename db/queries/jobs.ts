import "server-only";

import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, owners, type JobKind, type JobState } from "../schema";

export type JobGrantsRecord = { clone?: string[]; push?: string[] };

/** Everything about a job except its token hash. `spec` may hold secrets: lib decides what to show. */
export type JobRecord = {
  id: number;
  kind: JobKind;
  state: JobState;
  spec: Record<string, unknown>;
  requiredLabels: Record<string, string>;
  npuCount: number;
  timeoutSeconds: number;
  attempt: number;
  maxAttempts: number;
  resourceType: string;
  resourceId: string | null;
  createdBy: number | null;
  createdByName: string | null;
  retryOf: number | null;
  runnerId: number | null;
  runnerName: string | null;
  npuDevices: number[];
  grants: JobGrantsRecord;
  leaseUntil: Date | null;
  cancelRequestedAt: Date | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  exitCode: number | null;
  failureReason: string | null;
  logSize: number;
  /** The running service step's URL; null unless the attempt runs and reported one. */
  endpoint: string | null;
};

const jobRecordColumns = {
  id: jobs.id,
  kind: jobs.kind,
  state: jobs.state,
  spec: jobs.spec,
  requiredLabels: jobs.requiredLabels,
  npuCount: jobs.npuCount,
  timeoutSeconds: jobs.timeoutSeconds,
  attempt: jobs.attempt,
  maxAttempts: jobs.maxAttempts,
  resourceType: jobs.resourceType,
  resourceId: jobs.resourceId,
  createdBy: jobs.createdBy,
  createdByName: owners.name,
  retryOf: jobs.retryOf,
  runnerId: jobs.runnerId,
  runnerName: jobs.runnerName,
  npuDevices: jobs.npuDevices,
  grants: jobs.grants,
  leaseUntil: jobs.leaseUntil,
  cancelRequestedAt: jobs.cancelRequestedAt,
  queuedAt: jobs.queuedAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
  exitCode: jobs.exitCode,
  failureReason: jobs.failureReason,
  logSize: jobs.logSize,
  endpoint: jobs.endpoint,
};

export type NewJob = {
  kind: JobKind;
  spec: Record<string, unknown>;
  requiredLabels: Record<string, string>;
  npuCount: number;
  timeoutSeconds: number;
  maxAttempts: number;
  resourceType: string;
  resourceId: string | null;
  createdBy: number | null;
  grants: JobGrantsRecord;
  retryOf?: number | null;
  dedupeKey?: string | null;
};

/** Inserts a queued job; with a dedupe key already taken, returns that job instead (`created: false`). */
export async function insertJob(job: NewJob, now: Date): Promise<{ id: number; created: boolean }> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const inserted = tx
        .insert(jobs)
        .values({ ...job, state: "queued", queuedAt: now })
        .onConflictDoNothing({ target: jobs.dedupeKey })
        .returning({ id: jobs.id })
        .get();
      if (inserted) return { id: inserted.id, created: true };
      const existing = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(eq(jobs.dedupeKey, job.dedupeKey!))
        .get()!;
      return { id: existing.id, created: false };
    },
    { behavior: "immediate" },
  );
}

function selectJobs(where: SQL | undefined) {
  return getDb()
    .select(jobRecordColumns)
    .from(jobs)
    .leftJoin(owners, eq(owners.id, jobs.createdBy))
    .where(where);
}

export async function findJobRecord(id: number): Promise<JobRecord | null> {
  return selectJobs(eq(jobs.id, id)).get() ?? null;
}

/** Newest first; `before` pages backwards by id. */
export async function listJobRecords(filter: {
  states?: readonly JobState[];
  limit: number;
  before?: number;
}): Promise<JobRecord[]> {
  const conditions = [
    filter.states?.length ? inArray(jobs.state, [...filter.states]) : undefined,
    filter.before ? lt(jobs.id, filter.before) : undefined,
  ];
  return selectJobs(and(...conditions))
    .orderBy(desc(jobs.id))
    .limit(filter.limit)
    .all();
}

/**
 * Cancels a queued job at once; marks a running one so that its runner's next heartbeat says
 * `cancel`. Returns the job's state afterwards, or null when there is no such job.
 */
export async function requestJobCancel(
  id: number,
  now: Date,
  reason = "Cancelled before it started.",
): Promise<JobState | null> {
  return getDb().transaction(
    (tx) => {
      const job = tx.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id)).get();
      if (!job) return null;
      if (job.state === "queued") {
        tx.update(jobs)
          .set({
            state: "cancelled",
            cancelRequestedAt: now,
            finishedAt: now,
            failureReason: reason,
          })
          .where(and(eq(jobs.id, id), eq(jobs.state, "queued")))
          .run();
        return "cancelled";
      }
      if (job.state === "running") {
        tx.update(jobs).set({ cancelRequestedAt: now }).where(eq(jobs.id, id)).run();
      }
      return job.state;
    },
    { behavior: "immediate" },
  );
}
