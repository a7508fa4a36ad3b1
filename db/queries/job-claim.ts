import "server-only";

import { and, asc, eq, lte, sql } from "drizzle-orm";

import { immediateTransaction } from "../client";
import { jobs, runners, type JobKind } from "../schema";
import type { JobGrantsRecord } from "./jobs";
import { preparedStatements } from "./prepared";

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

const p = sql.placeholder;

// The claim path runs for every poll of every runner.
const statements = preparedStatements((db) => ({
  anyQueued: db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.state, "queued"))
    .limit(1)
    .prepare(),
  runner: db
    .select({
      name: runners.name,
      labels: runners.labels,
      capacity: runners.capacity,
      npuDevices: runners.npuDevices,
    })
    .from(runners)
    .where(eq(runners.id, p("runnerId")))
    .prepare(),
  running: db
    .select({ npuDevices: jobs.npuDevices, kind: jobs.kind })
    .from(jobs)
    .where(and(eq(jobs.runnerId, p("runnerId")), eq(jobs.state, "running")))
    .prepare(),
  // The oldest queued job whose NPU count fits and whose required labels are a subset of the
  // runner's (same keys, same values; a required `*` takes any value, see `anyLabelValue`).
  candidate: db
    .select({ id: jobs.id, npuCount: jobs.npuCount })
    .from(jobs)
    .where(
      and(
        eq(jobs.state, "queued"),
        lte(jobs.npuCount, p("freeNpus")),
        sql`(${p("servicesAllowed")} = 1 or ${jobs.kind} != 'space-run')`,
        sql`not exists (
            select 1 from json_each(${jobs.requiredLabels}) as req
            where not exists (
              select 1 from json_each(${p("runnerLabels")}) as have
              where have.key = req.key and (have.value = req.value or req.value = '*')
            )
          )`,
      ),
    )
    .orderBy(asc(jobs.queuedAt), asc(jobs.id))
    .limit(1)
    .prepare(),
  claim: db
    .update(jobs)
    .set({
      state: "running",
      attempt: sql`${jobs.attempt} + 1`,
      runnerId: sql`${p("runnerId")}`,
      runnerName: sql`${p("runnerName")}`,
      npuDevices: sql`${p("npuDevices")}`,
      tokenHash: sql`${p("tokenHash")}`,
      leaseUntil: sql`${p("leaseUntil")}`,
      startedAt: sql`${p("now")}`,
    })
    .where(and(eq(jobs.id, p("jobId")), eq(jobs.state, "queued")))
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
    .prepare(),
}));

/**
 * Whether one more Space app may run on the runner. Apps run until stopped, so on a runner that
 * builds images (3 slots or more) they never take the last slot: builds, which end, always find
 * room, and a Space's next version can always be built.
 */
function spaceRunsFit(
  runner: { labels: Record<string, string>; capacity: number },
  running: { kind: JobKind }[],
): boolean {
  const builds = Boolean(runner.labels.builder) && runner.labels.builder !== "none";
  const keptForBuilds = builds && runner.capacity >= 3 ? 1 : 0;
  const apps = running.filter((job) => job.kind === "space-run").length;
  return apps < runner.capacity - keptForBuilds;
}

/** True when some job is queued at all: a read that lets idle pollers skip the write lock. */
export async function hasQueuedJobs(): Promise<boolean> {
  return !!statements().anyQueued.get();
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
  const { runnerId } = input;
  const s = statements();
  return immediateTransaction(() => {
    const runner = s.runner.get({ runnerId });
    if (!runner) return null;
    const running = s.running.all({ runnerId });
    if (running.length >= runner.capacity) return null;

    const used = new Set([...running.flatMap((j) => j.npuDevices), ...input.busyNpus]);
    const free = runner.npuDevices.filter((d) => !used.has(d)).sort((a, b) => a - b);
    const candidate = s.candidate.get({
      freeNpus: free.length,
      servicesAllowed: spaceRunsFit(runner, running) ? 1 : 0,
      runnerLabels: JSON.stringify(runner.labels),
    });
    if (!candidate) return null;

    // Placeholders bypass column encoders: pass JSON and epoch milliseconds as stored.
    return (
      s.claim.get({
        jobId: candidate.id,
        runnerId,
        runnerName: runner.name,
        npuDevices: JSON.stringify(free.slice(0, candidate.npuCount)),
        tokenHash: input.tokenHash,
        leaseUntil: input.leaseUntil.getTime(),
        now: input.now.getTime(),
      }) ?? null
    );
  });
}
