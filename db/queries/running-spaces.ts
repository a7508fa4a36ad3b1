import "server-only";

import { and, asc, eq, sql } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, owners, repos, spaces } from "../schema";

/** A `space-run` job on a runner now, with the Space it serves and what it holds. */
export type RunningSpaceRecord = {
  jobId: number;
  owner: string;
  name: string;
  /** The Space's serving run (else a starting one, or an old one being replaced). */
  serving: boolean;
  cancelRequested: boolean;
  runnerName: string | null;
  hardware: string | null;
  npuDevices: number[];
  startedAt: Date | null;
  endpoint: string | null;
};

/**
 * Every `space-run` job a runner holds (state `running`: claimed, starting or serving), oldest
 * first. Queued runs hold nothing yet and are left to the queue.
 */
export async function listRunningSpaceRecords(): Promise<RunningSpaceRecord[]> {
  const rows = getDb()
    .select({
      jobId: jobs.id,
      owner: owners.name,
      name: repos.name,
      runJobId: spaces.runJobId,
      cancelRequestedAt: jobs.cancelRequestedAt,
      runnerName: jobs.runnerName,
      labels: jobs.requiredLabels,
      npuDevices: jobs.npuDevices,
      startedAt: jobs.startedAt,
      endpoint: jobs.endpoint,
    })
    .from(jobs)
    // A job names its repository by id, as text (`resource_id`).
    .innerJoin(repos, sql`${jobs.resourceId} = cast(${repos.id} as text)`)
    .innerJoin(owners, eq(owners.id, repos.ownerId))
    .leftJoin(spaces, eq(spaces.repoId, repos.id))
    .where(
      and(eq(jobs.kind, "space-run"), eq(jobs.state, "running"), eq(jobs.resourceType, "repo")),
    )
    .orderBy(asc(jobs.startedAt), asc(jobs.id))
    .all();
  return rows.map((row) => ({
    jobId: row.jobId,
    owner: row.owner,
    name: row.name,
    serving: row.runJobId === row.jobId,
    cancelRequested: row.cancelRequestedAt !== null,
    runnerName: row.runnerName,
    hardware: row.labels.hardware ?? null,
    npuDevices: row.npuDevices,
    startedAt: row.startedAt,
    endpoint: row.endpoint,
  }));
}
