import "server-only";

import { and, eq, gt, isNull } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, spaces } from "../schema";

export type SpaceRunRecord = {
  runJobId: number | null;
  nextRunJobId: number | null;
  paused: boolean;
  runMessage: string | null;
};

const runColumns = {
  runJobId: spaces.runJobId,
  nextRunJobId: spaces.nextRunJobId,
  paused: spaces.paused,
  runMessage: spaces.runMessage,
};

export async function findSpaceRun(repoId: number): Promise<SpaceRunRecord | null> {
  return getDb().select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get() ?? null;
}

/**
 * Makes `jobId` the Space's starting run (and un-pauses it); returns the run it replaces as the
 * starting one, for the caller to cancel.
 */
export async function setNextSpaceRun(repoId: number, jobId: number): Promise<number | null> {
  return getDb().transaction(
    (tx) => {
      const row = tx.select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get();
      tx.update(spaces)
        .set({ nextRunJobId: jobId, paused: false, updatedAt: new Date() })
        .where(eq(spaces.repoId, repoId))
        .run();
      const previous = row?.nextRunJobId ?? null;
      return previous === jobId ? null : previous;
    },
    { behavior: "immediate" },
  );
}

/**
 * The starting run `jobId` answers: it becomes the serving run. Returns the run it replaces (to
 * cancel), or undefined when `jobId` is not the Space's starting run (superseded meanwhile).
 */
export async function promoteSpaceRun(
  repoId: number,
  jobId: number,
): Promise<{ replaced: number | null } | undefined> {
  return getDb().transaction(
    (tx) => {
      const row = tx.select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get();
      if (row?.nextRunJobId !== jobId) return undefined;
      tx.update(spaces)
        .set({ runJobId: jobId, nextRunJobId: null, runMessage: null, updatedAt: new Date() })
        .where(eq(spaces.repoId, repoId))
        .run();
      return { replaced: row.runJobId === jobId ? null : row.runJobId };
    },
    { behavior: "immediate" },
  );
}

/** Records why run `jobId` ended on its own; a starting run that failed is no longer starting. */
export async function recordSpaceRunFailure(
  repoId: number,
  jobId: number,
  message: string,
): Promise<void> {
  const db = getDb();
  db.update(spaces)
    .set({ nextRunJobId: null, runMessage: message, updatedAt: new Date() })
    .where(and(eq(spaces.repoId, repoId), eq(spaces.nextRunJobId, jobId)))
    .run();
  db.update(spaces)
    .set({ runMessage: message, updatedAt: new Date() })
    .where(and(eq(spaces.repoId, repoId), eq(spaces.runJobId, jobId)))
    .run();
}

/** Pauses or resumes the Space; returns its runs (to cancel on pause). */
export async function setSpacePaused(repoId: number, paused: boolean): Promise<SpaceRunRecord> {
  return getDb().transaction(
    (tx) => {
      const row = tx.select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get();
      tx.update(spaces)
        .set({ paused, ...(paused ? { nextRunJobId: null } : {}), updatedAt: new Date() })
        .where(eq(spaces.repoId, repoId))
        .run();
      return row ?? { runJobId: null, nextRunJobId: null, paused, runMessage: null };
    },
    { behavior: "immediate" },
  );
}

/**
 * Where the Space's serving run answers now: only a `space-run` job of this very Space, running
 * under a live lease and not being cancelled, with the endpoint its runner reported.
 */
export async function findSpaceRunEndpoint(repoId: number, now: Date): Promise<string | null> {
  const row = getDb()
    .select({ endpoint: jobs.endpoint })
    .from(spaces)
    .innerJoin(jobs, eq(jobs.id, spaces.runJobId))
    .where(
      and(
        eq(spaces.repoId, repoId),
        eq(spaces.paused, false),
        eq(jobs.kind, "space-run"),
        eq(jobs.resourceType, "repo"),
        eq(jobs.resourceId, String(repoId)),
        eq(jobs.state, "running"),
        gt(jobs.leaseUntil, now),
        isNull(jobs.cancelRequestedAt),
      ),
    )
    .get();
  return row?.endpoint ?? null;
}
