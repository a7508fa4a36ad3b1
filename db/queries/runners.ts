import "server-only";

import { and, asc, eq, isNotNull, lt, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, runners, type JobKind, type RunnerExecutor } from "../schema";
import { preparedStatements } from "./prepared";
import type { NewRunner } from "./runner-registration-tokens";

/** What the protocol needs to know about the runner behind a runner token. */
export type RunnerIdentity = {
  id: number;
  name: string;
  labels: Record<string, string>;
  executor: RunnerExecutor;
  capacity: number;
  npuDevices: number[];
  lastSeenAt: Date;
};

export type RunnerRecord = RunnerIdentity & {
  npuChip: string | null;
  version: string;
  platform: string | null;
  embedded: boolean;
  createdAt: Date;
};

export type RunnerJobLoad = {
  runnerId: number;
  jobId: number;
  kind: JobKind;
  npuDevices: number[];
};

const identityColumns = {
  id: runners.id,
  name: runners.name,
  labels: runners.labels,
  executor: runners.executor,
  capacity: runners.capacity,
  npuDevices: runners.npuDevices,
  lastSeenAt: runners.lastSeenAt,
};

const recordColumns = {
  ...identityColumns,
  npuChip: runners.npuChip,
  version: runners.version,
  platform: runners.platform,
  embedded: runners.embedded,
  createdAt: runners.createdAt,
};

const p = sql.placeholder;

// Every call a runner makes starts with its token.
const statements = preparedStatements((db) => ({
  byTokenHash: db
    .select(identityColumns)
    .from(runners)
    .where(eq(runners.tokenHash, p("tokenHash")))
    .prepare(),
  touch: db
    .update(runners)
    .set({ lastSeenAt: sql`${p("now")}` })
    .where(and(eq(runners.id, p("id")), lt(runners.lastSeenAt, p("staleBefore"))))
    .prepare(),
}));

/** For the embedded runner, which the server registers itself without a registration token. */
export async function insertRunner(
  runner: NewRunner,
  now: Date,
): Promise<{ id: number; name: string }> {
  return getDb()
    .insert(runners)
    .values({ ...runner, lastSeenAt: now })
    .returning({ id: runners.id, name: runners.name })
    .get();
}

export async function findRunnerByTokenHash(tokenHash: string): Promise<RunnerIdentity | null> {
  return statements().byTokenHash.get({ tokenHash }) ?? null;
}

export async function updateRunnerDeclaration(
  id: number,
  declaration: Partial<Omit<NewRunner, "name" | "tokenHash" | "embedded">>,
  now: Date,
): Promise<void> {
  getDb()
    .update(runners)
    .set({ ...declaration, lastSeenAt: now })
    .where(eq(runners.id, id))
    .run();
}

/** Records that the runner is alive; writes at most once per `minIntervalMs` to spare the database. */
export async function touchRunner(id: number, now: Date, minIntervalMs = 5_000): Promise<void> {
  statements().touch.run({ id, now: now.getTime(), staleBefore: now.getTime() - minIntervalMs });
}

export async function listRunnerRecords(): Promise<RunnerRecord[]> {
  return getDb()
    .select(recordColumns)
    .from(runners)
    .orderBy(asc(runners.name), asc(runners.id))
    .all();
}

export async function listRunningJobLoads(): Promise<RunnerJobLoad[]> {
  return getDb()
    .select({
      runnerId: jobs.runnerId,
      jobId: jobs.id,
      kind: jobs.kind,
      npuDevices: jobs.npuDevices,
    })
    .from(jobs)
    .where(and(eq(jobs.state, "running"), isNotNull(jobs.runnerId)))
    .orderBy(asc(jobs.id))
    .all() as RunnerJobLoad[];
}

/** Removes a runner: its token stops working; its running jobs are reaped when their lease expires. */
export async function deleteRunnerRecord(id: number): Promise<boolean> {
  return getDb().delete(runners).where(eq(runners.id, id)).run().changes > 0;
}
