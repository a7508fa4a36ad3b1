import "server-only";

import { and, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";

import { getDb } from "../client";
import { jobs, modelCiRuns, owners, type JobState } from "../schema";

export type ModelCiStatus = (typeof modelCiRuns.$inferSelect)["status"];

export type NewModelCiRow = {
  jobId: number | null;
  image: string;
  hardware: "cpu" | "npu";
  status: ModelCiStatus;
  stopReason: string | null;
};

/** One environment of a run, with its job's live state. */
export type ModelCiRow = {
  id: number;
  runId: number;
  repoId: number;
  jobId: number | null;
  commit: string;
  image: string;
  hardware: "cpu" | "npu";
  status: ModelCiStatus;
  stopReason: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdByName: string | null;
  jobState: JobState | null;
  startedAt: Date | null;
  jobFinishedAt: Date | null;
};

const rowColumns = {
  id: modelCiRuns.id,
  runId: modelCiRuns.runId,
  repoId: modelCiRuns.repoId,
  jobId: modelCiRuns.jobId,
  commit: modelCiRuns.commit,
  image: modelCiRuns.image,
  hardware: modelCiRuns.hardware,
  status: modelCiRuns.status,
  stopReason: modelCiRuns.stopReason,
  createdAt: modelCiRuns.createdAt,
  finishedAt: modelCiRuns.finishedAt,
  createdByName: owners.name,
  jobState: jobs.state,
  startedAt: jobs.startedAt,
  jobFinishedAt: jobs.finishedAt,
};

/** Records the environments of one run; they share the first row's id as their run id. */
export async function insertModelCiRun(
  run: {
    repoId: number;
    commit: string;
    createdBy: number | null;
    trigger: "push" | null;
    rows: NewModelCiRow[];
  },
  now: Date,
): Promise<number> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      let runId = 0;
      for (const row of run.rows) {
        const values = {
          ...row,
          runId,
          repoId: run.repoId,
          commit: run.commit,
          createdBy: run.createdBy,
          trigger: run.trigger,
          createdAt: now,
          finishedAt: row.jobId === null ? now : null,
        };
        const { id } = tx
          .insert(modelCiRuns)
          .values(values)
          .returning({ id: modelCiRuns.id })
          .get();
        if (!runId) {
          runId = id;
          tx.update(modelCiRuns).set({ runId }).where(eq(modelCiRuns.id, id)).run();
        }
      }
      return runId;
    },
    { behavior: "immediate" },
  );
}

/** The environments of a model's runs, newest first. */
export async function listModelCiRows(repoId: number, limit = 200): Promise<ModelCiRow[]> {
  return getDb()
    .select(rowColumns)
    .from(modelCiRuns)
    .leftJoin(jobs, eq(jobs.id, modelCiRuns.jobId))
    .leftJoin(owners, eq(owners.id, modelCiRuns.createdBy))
    .where(eq(modelCiRuns.repoId, repoId))
    .orderBy(desc(modelCiRuns.id))
    .limit(limit)
    .all();
}

export async function findModelCiRow(id: number): Promise<ModelCiRow | null> {
  const row = getDb()
    .select(rowColumns)
    .from(modelCiRuns)
    .leftJoin(jobs, eq(jobs.id, modelCiRuns.jobId))
    .leftJoin(owners, eq(owners.id, modelCiRuns.createdBy))
    .where(eq(modelCiRuns.id, id))
    .get();
  return row ?? null;
}

/** Records the outcome of a job's environment run once; a second call changes nothing. */
export async function finishModelCiRow(
  jobId: number,
  outcome: { status: ModelCiStatus; stopReason: string | null },
  now: Date,
): Promise<void> {
  getDb()
    .update(modelCiRuns)
    .set({ ...outcome, finishedAt: now })
    .where(and(eq(modelCiRuns.jobId, jobId), isNull(modelCiRuns.finishedAt)))
    .run();
}

/** The jobs of a model's push-started runs that have not started yet (a newer push replaces them). */
export async function listQueuedPushRuns(
  repoId: number,
): Promise<{ jobId: number; commit: string }[]> {
  const rows = getDb()
    .select({ jobId: modelCiRuns.jobId, commit: modelCiRuns.commit })
    .from(modelCiRuns)
    .innerJoin(jobs, eq(jobs.id, modelCiRuns.jobId))
    .where(
      and(
        eq(modelCiRuns.repoId, repoId),
        eq(modelCiRuns.trigger, "push"),
        isNull(modelCiRuns.finishedAt),
        eq(jobs.state, "queued"),
      ),
    )
    .all();
  return rows.flatMap((row) =>
    row.jobId === null ? [] : [{ jobId: row.jobId, commit: row.commit }],
  );
}

/** Whether a push already started a run of this commit (the change listener may run twice). */
export async function hasPushRunAt(repoId: number, commit: string): Promise<boolean> {
  const row = getDb()
    .select({ id: modelCiRuns.id })
    .from(modelCiRuns)
    .where(
      and(
        eq(modelCiRuns.repoId, repoId),
        eq(modelCiRuns.commit, commit),
        eq(modelCiRuns.trigger, "push"),
      ),
    )
    .get();
  return !!row;
}

export type CiHardware = "cpu" | "npu";

/**
 * "CI passed on <hardware>": some environment of that hardware whose newest ended result passed
 * (a success with no later failure in the same environment; stopped runs do not count either way,
 * as on the badge and the header marks). `repoId` is the outer query's repository id column.
 */
export function ciPassedOn(repoId: SQLWrapper, hardware: CiHardware): SQL {
  return sql`EXISTS (SELECT 1 FROM model_ci_runs c WHERE c.repo_id = ${repoId}
    AND c.hardware = ${hardware} AND c.status = 'success'
    AND NOT EXISTS (SELECT 1 FROM model_ci_runs n WHERE n.repo_id = c.repo_id
      AND n.image = c.image AND n.id > c.id AND n.status = 'failed'))`;
}

/** For each of these models, the hardware it passed CI on (see `ciPassedOn`), for list marks. */
export async function listCiPassedHardware(repoIds: number[]): Promise<Map<number, CiHardware[]>> {
  const result = new Map<number, CiHardware[]>();
  if (!repoIds.length) return result;
  const rows = getDb()
    .selectDistinct({ repoId: modelCiRuns.repoId, hardware: modelCiRuns.hardware })
    .from(modelCiRuns)
    .where(
      and(
        inArray(modelCiRuns.repoId, repoIds),
        eq(modelCiRuns.status, "success"),
        sql`NOT EXISTS (SELECT 1 FROM model_ci_runs n WHERE n.repo_id = ${modelCiRuns.repoId}
          AND n.image = ${modelCiRuns.image} AND n.id > ${modelCiRuns.id} AND n.status = 'failed')`,
      ),
    )
    .orderBy(desc(modelCiRuns.hardware))
    .all();
  for (const row of rows) result.set(row.repoId, [...(result.get(row.repoId) ?? []), row.hardware]);
  return result;
}
