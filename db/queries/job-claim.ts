import "server-only";

// Query functions are async although better-sqlite3 is synchronous, so that an async driver
// (Postgres, DESIGN §2) can replace it without changing any caller.
/* eslint-disable @typescript-eslint/require-await */

import { and, asc, eq, lte, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, runners, type JobKind } from "../schema";
import type { JobGrantsRecord } from "./jobs";

export type ClaimedJob = {
  id: number;
  attempt: number;
  kind: JobKind;
  spec: Record<string, unknown>;
  grants: JobGrantsRecord;
  npuDevices: number[];
  timeoutSeconds: number;
  logOffset: number;
};

/** True when some job is queued at all: a read that lets idle pollers skip the write lock. */
export async function hasQueuedJobs(): Promise<boolean> {
  return !!getDb()
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.state, "queued"))
    .limit(1)
    .get();
}

/** The job's required labels are a subset of `labelsJson` (same keys, same values). */
function labelsWithin(labelsJson: string) {
  return sql`not exists (
    select 1 from json_each(${jobs.requiredLabels}) as req
    where not exists (
      select 1 from json_each(${labelsJson}) as have
      where have.key = req.key and have.value = req.value
    )
  )`;
}

/**
 * Claims the oldest queued job this runner can take, exactly once: one immediate (write-locked)
 * transaction checks the runner's capacity and free NPUs, picks a job whose labels and NPU count
 * fit, allocates the lowest free device ids and moves the job to `running` under a fresh token hash
 * and lease. Several server processes may call this at once; SQLite's write lock serialises them.
 * (On Postgres: the same with `for update skip locked` on the candidate select.)
 */
export async function claimNextJob(input: {
  runnerId: number;
  /** Devices the runner says it is still using, on top of what the database knows. */
  busyNpus: readonly number[];
  tokenHash: string;
  now: Date;
  leaseUntil: Date;
}): Promise<ClaimedJob | null> {
  const { runnerId, now } = input;
  return getDb().transaction(
    (tx) => {
      const runner = tx
        .select({
          name: runners.name,
          labels: runners.labels,
          capacity: runners.capacity,
          npuDevices: runners.npuDevices,
        })
        .from(runners)
        .where(eq(runners.id, runnerId))
        .get();
      if (!runner) return null;
      const running = tx
        .select({ npuDevices: jobs.npuDevices })
        .from(jobs)
        .where(and(eq(jobs.runnerId, runnerId), eq(jobs.state, "running")))
        .all();
      if (running.length >= runner.capacity) return null;

      const used = new Set([...running.flatMap((j) => j.npuDevices), ...input.busyNpus]);
      const free = runner.npuDevices.filter((d) => !used.has(d)).sort((a, b) => a - b);
      const candidate = tx
        .select({ id: jobs.id, npuCount: jobs.npuCount })
        .from(jobs)
        .where(
          and(
            eq(jobs.state, "queued"),
            lte(jobs.npuCount, free.length),
            labelsWithin(JSON.stringify(runner.labels)),
          ),
        )
        .orderBy(asc(jobs.queuedAt), asc(jobs.id))
        .limit(1)
        .get();
      if (!candidate) return null;

      return (
        tx
          .update(jobs)
          .set({
            state: "running",
            attempt: sql`${jobs.attempt} + 1`,
            runnerId,
            runnerName: runner.name,
            npuDevices: free.slice(0, candidate.npuCount),
            tokenHash: input.tokenHash,
            leaseUntil: input.leaseUntil,
            startedAt: now,
          })
          .where(and(eq(jobs.id, candidate.id), eq(jobs.state, "queued")))
          .returning({
            id: jobs.id,
            attempt: jobs.attempt,
            kind: jobs.kind,
            spec: jobs.spec,
            grants: jobs.grants,
            npuDevices: jobs.npuDevices,
            timeoutSeconds: jobs.timeoutSeconds,
            logOffset: jobs.logOffset,
          })
          .get() ?? null
      );
    },
    { behavior: "immediate" },
  );
}
