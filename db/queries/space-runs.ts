import "server-only";

import { and, eq, gt, isNotNull, isNull, lt, or } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, spaces } from "../schema";

export type SpaceRunRecord = {
  runJobId: number | null;
  nextRunJobId: number | null;
  paused: boolean;
  sleeping: boolean;
  sleepSeconds: number | null;
  runMessage: string | null;
};

const runColumns = {
  runJobId: spaces.runJobId,
  nextRunJobId: spaces.nextRunJobId,
  paused: spaces.paused,
  sleeping: spaces.sleeping,
  sleepSeconds: spaces.sleepSeconds,
  runMessage: spaces.runMessage,
};

export async function findSpaceRun(repoId: number): Promise<SpaceRunRecord | null> {
  return getDb().select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get() ?? null;
}

/**
 * Makes `jobId` the Space's starting run (and un-pauses and wakes it); returns the run it replaces as the
 * starting one, for the caller to cancel.
 */
export async function setNextSpaceRun(repoId: number, jobId: number): Promise<number | null> {
  return getDb().transaction(
    (tx) => {
      const row = tx.select(runColumns).from(spaces).where(eq(spaces.repoId, repoId)).get();
      tx.update(spaces)
        .set({ nextRunJobId: jobId, paused: false, sleeping: false, updatedAt: new Date() })
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
        // Serving from now on counts as activity: a fresh run is not put to sleep at once.
        .set({
          runJobId: jobId,
          nextRunJobId: null,
          runMessage: null,
          lastActiveAt: new Date(),
          updatedAt: new Date(),
        })
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
        .set({
          paused,
          ...(paused ? { nextRunJobId: null, sleeping: false } : {}),
          updatedAt: new Date(),
        })
        .where(eq(spaces.repoId, repoId))
        .run();
      return (
        row ?? {
          runJobId: null,
          nextRunJobId: null,
          paused,
          sleeping: false,
          sleepSeconds: null,
          runMessage: null,
        }
      );
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

/** A proxied request reached the app: at most one write per Space every few seconds. */
export async function touchSpaceActivity(repoId: number, now: Date): Promise<void> {
  getDb()
    .update(spaces)
    .set({ lastActiveAt: now })
    .where(
      and(
        eq(spaces.repoId, repoId),
        or(isNull(spaces.lastActiveAt), lt(spaces.lastActiveAt, new Date(now.getTime() - 5_000))),
      ),
    )
    .run();
}

export async function setSpaceSleepSeconds(repoId: number, seconds: number | null): Promise<void> {
  getDb().update(spaces).set({ sleepSeconds: seconds }).where(eq(spaces.repoId, repoId)).run();
}

/** The Spaces serving an app (or starting one), with what decides whether they are idle. */
export async function listAwakeSpaceRuns(): Promise<
  { repoId: number; lastActiveAt: Date | null; sleepSeconds: number | null; npuCount: number }[]
> {
  return getDb()
    .select({
      repoId: spaces.repoId,
      lastActiveAt: spaces.lastActiveAt,
      sleepSeconds: spaces.sleepSeconds,
      npuCount: jobs.npuCount,
    })
    .from(spaces)
    .innerJoin(jobs, eq(jobs.id, spaces.runJobId))
    .where(
      and(
        eq(spaces.paused, false),
        eq(spaces.sleeping, false),
        isNotNull(spaces.runJobId),
        or(eq(jobs.state, "running"), eq(jobs.state, "queued")),
      ),
    )
    .all();
}

/**
 * Puts the Space to sleep unless it was active since `idleSince` (a request raced the sweep);
 * returns its runs, for the caller to stop, or null when it stays awake.
 */
export async function setSpaceSleeping(
  repoId: number,
  idleSince: Date,
): Promise<SpaceRunRecord | null> {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ ...runColumns, lastActiveAt: spaces.lastActiveAt })
        .from(spaces)
        .where(eq(spaces.repoId, repoId))
        .get();
      if (!row || row.paused || row.sleeping) return null;
      if (row.lastActiveAt && row.lastActiveAt > idleSince) return null;
      tx.update(spaces)
        .set({ sleeping: true, nextRunJobId: null, updatedAt: new Date() })
        .where(eq(spaces.repoId, repoId))
        .run();
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Clears the sleeping mark; true for the one caller that woke it (the others just wait). */
export async function claimSpaceWake(repoId: number): Promise<boolean> {
  const result = getDb()
    .update(spaces)
    .set({ sleeping: false, lastActiveAt: new Date(), updatedAt: new Date() })
    .where(and(eq(spaces.repoId, repoId), eq(spaces.sleeping, true), eq(spaces.paused, false)))
    .run();
  return result.changes > 0;
}
