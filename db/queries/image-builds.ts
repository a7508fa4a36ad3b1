import "server-only";

import { and, asc, desc, eq, inArray } from "drizzle-orm";

import { getDb } from "../client";
import { imageBuilds, imageBuildSteps, jobs, type ImageBuildStepState } from "../schema";

export type ImageBuildRecord = {
  id: number;
  selection: string;
  arches: string | null;
  state: "running" | "succeeded" | "failed";
  createdBy: number | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export type ImageBuildStepRecord = {
  id: number;
  buildId: number;
  position: number;
  nodeId: string;
  image: string;
  arch: string;
  parentStepId: number | null;
  fromImage: string | null;
  cacheKey: string;
  action: "build" | "reuse";
  state: ImageBuildStepState;
  jobId: number | null;
  digest: string | null;
  size: number | null;
  blockedBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type NewImageBuildStep = {
  nodeId: string;
  image: string;
  arch: string;
  /** Index into the same list (parents come first). */
  parentIndex: number | null;
  fromImage: string | null;
  cacheKey: string;
  action: "build" | "reuse";
  digest: string | null;
  size: number | null;
};

const buildColumns = {
  id: imageBuilds.id,
  selection: imageBuilds.selection,
  arches: imageBuilds.arches,
  state: imageBuilds.state,
  createdBy: imageBuilds.createdBy,
  createdAt: imageBuilds.createdAt,
  finishedAt: imageBuilds.finishedAt,
};

const stepColumns = {
  id: imageBuildSteps.id,
  buildId: imageBuildSteps.buildId,
  position: imageBuildSteps.position,
  nodeId: imageBuildSteps.nodeId,
  image: imageBuildSteps.image,
  arch: imageBuildSteps.arch,
  parentStepId: imageBuildSteps.parentStepId,
  fromImage: imageBuildSteps.fromImage,
  cacheKey: imageBuildSteps.cacheKey,
  action: imageBuildSteps.action,
  state: imageBuildSteps.state,
  jobId: imageBuildSteps.jobId,
  digest: imageBuildSteps.digest,
  size: imageBuildSteps.size,
  blockedBy: imageBuildSteps.blockedBy,
  startedAt: imageBuildSteps.startedAt,
  finishedAt: imageBuildSteps.finishedAt,
};

/** Records a build and its steps in plan order; reused steps are final at once. */
export async function insertImageBuild(input: {
  selection: string;
  arches: string | null;
  createdBy: number | null;
  steps: NewImageBuildStep[];
}): Promise<number> {
  return getDb().transaction(
    (tx) => {
      const now = new Date();
      const { id } = tx
        .insert(imageBuilds)
        .values({
          selection: input.selection,
          arches: input.arches,
          state: "running",
          createdBy: input.createdBy,
          createdAt: now,
        })
        .returning({ id: imageBuilds.id })
        .get();
      const ids: number[] = [];
      input.steps.forEach((step, position) => {
        const row = tx
          .insert(imageBuildSteps)
          .values({
            buildId: id,
            position,
            nodeId: step.nodeId,
            image: step.image,
            arch: step.arch,
            parentStepId: step.parentIndex === null ? null : ids[step.parentIndex]!,
            fromImage: step.fromImage,
            cacheKey: step.cacheKey,
            action: step.action,
            state: step.action === "reuse" ? "reused" : "waiting",
            digest: step.digest,
            size: step.size,
            finishedAt: step.action === "reuse" ? now : null,
          })
          .returning({ id: imageBuildSteps.id })
          .get();
        ids.push(row.id);
      });
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Every pushed build of the stack: what plans may reuse (newest first). */
export async function listPushedImageSteps(): Promise<
  { image: string; arch: string; cacheKey: string; digest: string; size: number | null }[]
> {
  return getDb()
    .select({
      image: imageBuildSteps.image,
      arch: imageBuildSteps.arch,
      cacheKey: imageBuildSteps.cacheKey,
      digest: imageBuildSteps.digest,
      size: imageBuildSteps.size,
    })
    .from(imageBuildSteps)
    .where(eq(imageBuildSteps.state, "pushed"))
    .orderBy(desc(imageBuildSteps.id))
    .all()
    .flatMap((r) => (r.digest ? [{ ...r, digest: r.digest }] : []));
}

export async function findImageBuild(id: number): Promise<ImageBuildRecord | null> {
  return getDb().select(buildColumns).from(imageBuilds).where(eq(imageBuilds.id, id)).get() ?? null;
}

export async function listImageBuilds(limit: number): Promise<ImageBuildRecord[]> {
  return getDb()
    .select(buildColumns)
    .from(imageBuilds)
    .orderBy(desc(imageBuilds.id))
    .limit(limit)
    .all();
}

export type ImageBuildStepWithJob = ImageBuildStepRecord & {
  job: { state: string; startedAt: Date | null; finishedAt: Date | null } | null;
};

export async function listImageBuildSteps(buildId: number): Promise<ImageBuildStepWithJob[]> {
  return getDb()
    .select({
      ...stepColumns,
      jobState: jobs.state,
      jobStartedAt: jobs.startedAt,
      jobFinishedAt: jobs.finishedAt,
    })
    .from(imageBuildSteps)
    .leftJoin(jobs, eq(jobs.id, imageBuildSteps.jobId))
    .where(eq(imageBuildSteps.buildId, buildId))
    .orderBy(asc(imageBuildSteps.position))
    .all()
    .map(({ jobState, jobStartedAt, jobFinishedAt, ...step }) => ({
      ...step,
      job: jobState
        ? { state: jobState, startedAt: jobStartedAt, finishedAt: jobFinishedAt }
        : null,
    }));
}

export async function findImageBuildStepByJob(jobId: number): Promise<ImageBuildStepRecord | null> {
  return (
    getDb()
      .select(stepColumns)
      .from(imageBuildSteps)
      .where(eq(imageBuildSteps.jobId, jobId))
      .get() ?? null
  );
}

/** The newest steps of this build or others that built `image` (per arch), for a tag's page. */
export async function listImageBuildStepsOf(image: string): Promise<ImageBuildStepRecord[]> {
  return getDb()
    .select(stepColumns)
    .from(imageBuildSteps)
    .where(
      and(eq(imageBuildSteps.image, image), inArray(imageBuildSteps.state, ["pushed", "reused"])),
    )
    .orderBy(desc(imageBuildSteps.id))
    .limit(50)
    .all();
}

/** Moves a step on, only from one of the states `from` (so a late or repeated hook changes nothing). */
export async function updateImageBuildStep(
  id: number,
  from: ImageBuildStepState[],
  set: Partial<
    Pick<
      ImageBuildStepRecord,
      "state" | "jobId" | "digest" | "size" | "blockedBy" | "cacheKey" | "startedAt" | "finishedAt"
    >
  >,
): Promise<boolean> {
  const result = getDb()
    .update(imageBuildSteps)
    .set(set)
    .where(and(eq(imageBuildSteps.id, id), inArray(imageBuildSteps.state, from)))
    .run();
  return result.changes > 0;
}

export async function finishImageBuild(
  id: number,
  state: "succeeded" | "failed",
  at: Date,
): Promise<void> {
  getDb()
    .update(imageBuilds)
    .set({ state, finishedAt: at })
    .where(and(eq(imageBuilds.id, id), eq(imageBuilds.state, "running")))
    .run();
}

/**
 * A failed step runs again (a Retry of its job): it follows the new job, the steps it blocked wait
 * again, and the build is running again.
 */
export async function reopenImageBuildStep(
  step: { id: number; buildId: number; image: string },
  jobId: number,
  at: Date,
): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const reopened = tx
        .update(imageBuildSteps)
        .set({ state: "queued", jobId, startedAt: at, finishedAt: null })
        .where(and(eq(imageBuildSteps.id, step.id), eq(imageBuildSteps.state, "failed")))
        .run();
      if (reopened.changes === 0) return false;
      tx.update(imageBuildSteps)
        .set({ state: "waiting", blockedBy: null, finishedAt: null })
        .where(
          and(
            eq(imageBuildSteps.buildId, step.buildId),
            eq(imageBuildSteps.state, "blocked"),
            eq(imageBuildSteps.blockedBy, step.image),
          ),
        )
        .run();
      tx.update(imageBuilds)
        .set({ state: "running", finishedAt: null })
        .where(eq(imageBuilds.id, step.buildId))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}
