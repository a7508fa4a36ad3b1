import "server-only";

import {
  findImageBuild,
  findImageBuildStepByJob,
  finishImageBuild,
  insertImageBuild,
  listImageBuildSteps,
  listPushedImageSteps,
  reopenImageBuildStep,
  updateImageBuildStep,
  type ImageBuildStepRecord,
} from "@/db/queries/image-builds";
import { assertActsAsAdmin, type Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { registryHost } from "@/lib/images/stack/pull-commands";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { FinishedJob } from "@/lib/jobs/kinds";
import type { JobSpec } from "@/lib/jobs/protocol";

import {
  planBuild,
  PlanError,
  stepCacheKey,
  type PlanSelection,
  type PlanStep,
  type RecordedBuilds,
} from "./plan";
import { publishImageIndex, takePushedImage } from "./publish";
import {
  buildStack,
  mirrored,
  stackNamespace,
  type BuildStack,
  type StackNode,
} from "./stack-source";

// Running a plan: one `image-build` job per node and arch, each enqueued once its parent's image
// for that arch is in this registry, built FROM that image by digest and pushed; when every arch of
// a node is there, the server writes the multi-arch index and moves the node's tags.

const stack = (): BuildStack => buildStack(getConfig().images.stackFile);

async function recordedBuilds(): Promise<{
  recorded: RecordedBuilds;
  sizeOf: (digest: string) => number | null;
}> {
  const byKey = new Map<string, string>();
  const sizes = new Map<string, number | null>();
  for (const row of await listPushedImageSteps()) {
    const key = `${row.image}|${row.arch}|${row.cacheKey}`;
    if (!byKey.has(key)) byKey.set(key, row.digest);
    if (!sizes.has(row.digest)) sizes.set(row.digest, row.size);
  }
  return {
    recorded: (image, arch, cacheKey) => byKey.get(`${image}|${arch}|${cacheKey}`) ?? null,
    sizeOf: (digest) => sizes.get(digest) ?? null,
  };
}

export type ImagePlanRequest = { selection: PlanSelection; arches?: string[] };

/** The plan against the builds recorded so far; a bad selection is a bad request. */
export async function planImages(request: ImagePlanRequest): Promise<PlanStep[]> {
  const { recorded } = await recordedBuilds();
  try {
    return planBuild({ stack: stack(), ...request, recorded });
  } catch (error) {
    if (error instanceof PlanError) throw new AppError("bad_request", error.message);
    throw error;
  }
}

/** `--tag base_image/cann:…` etc.: how a build names what it was asked for. */
export function describeSelection(selection: PlanSelection): string {
  return selection.kind === "all" ? "--all" : `--${selection.kind} ${selection.image}`;
}

/** Plans and starts a build (site administrators only); null caller: the operator's CLI. */
export async function startImageBuild(
  caller: Caller | null,
  request: ImagePlanRequest,
  operator = false,
): Promise<{ id: number; steps: PlanStep[] }> {
  if (!operator) assertActsAsAdmin(caller);
  const steps = await planImages(request);
  const { sizeOf } = await recordedBuilds();
  const index = new Map(steps.map((s, i) => [`${s.image}|${s.arch}`, i]));
  const id = await insertImageBuild({
    selection: describeSelection(request.selection),
    arches: request.arches?.join(",") ?? null,
    createdBy: caller?.id ?? null,
    steps: steps.map((s) => ({
      nodeId: s.node.id,
      image: s.image,
      arch: s.arch,
      parentIndex: s.parent === null ? null : index.get(`${s.parent}|${s.arch}`)!,
      fromImage: s.from,
      cacheKey: s.cacheKey,
      action: s.action,
      digest: s.digest,
      size: s.digest ? sizeOf(s.digest) : null,
    })),
  });
  await advanceImageBuild(id);
  return { id, steps };
}

const repositoryOf = (node: StackNode) => `${stackNamespace}/${node.repository}`;
/** The tag a job pushes to; the server reads the digest from it and removes it. */
const stagingTag = (stepId: number) => `strata-build-${stepId}`;

function jobSpec(input: { dockerfile: string; image: string; arch: string; tag: string }): JobSpec {
  return {
    steps: [
      {
        type: "script",
        name: "Write the Dockerfile",
        script: `mkdir -p context\ncat > context/Dockerfile <<'STRATA_DOCKERFILE'\n${input.dockerfile}STRATA_DOCKERFILE`,
      },
      {
        type: "build",
        name: `Build ${input.image} for ${input.arch} and push it`,
        context: "context",
        tag: input.tag,
        push: true,
      },
    ],
  };
}

/** Enqueues the job of a step whose parent is in the registry (or that starts FROM upstream). */
async function enqueueStep(
  step: ImageBuildStepRecord,
  parent: ImageBuildStepRecord | null,
  createdBy: number | null,
): Promise<void> {
  const s = stack();
  const node = s.nodes.find((n) => n.id === step.nodeId);
  const now = new Date();
  if (!node) {
    await updateImageBuildStep(step.id, ["waiting"], {
      state: "failed",
      blockedBy: null,
      finishedAt: now,
    });
    return;
  }
  const { publicUrl, images } = getConfig();
  const host = registryHost(publicUrl);
  const parentNode = parent ? s.nodes.find((n) => n.id === parent.nodeId) : undefined;
  const from =
    parent && parentNode
      ? `${host}/${repositoryOf(parentNode)}@${parent.digest}`
      : mirrored(s.upstreamOf(node) ?? "", images.baseMirror);
  const cacheKey = stepCacheKey(s, node, step.arch, parent?.digest ?? null);
  // Another build may have pushed this very image meanwhile.
  const { recorded, sizeOf } = await recordedBuilds();
  const done = recorded(step.image, step.arch, cacheKey);
  if (done) {
    await updateImageBuildStep(step.id, ["waiting"], {
      state: "reused",
      cacheKey,
      digest: done,
      size: sizeOf(done),
      finishedAt: now,
    });
    return;
  }
  const repository = repositoryOf(node);
  const { id: jobId } = await enqueueJob({
    kind: "image-build",
    spec: jobSpec({
      dockerfile: s.dockerfile(node, from),
      image: step.image,
      arch: step.arch,
      tag: `${host}/${repository}:${stagingTag(step.id)}`,
    }),
    labels: { arch: step.arch },
    resource: { type: "system" },
    createdBy,
    // Push rights to this node's repository only; the parent is pulled as anyone may.
    grants: { push: [repository] },
    dedupeKey: `image-build-step:${step.id}`,
  });
  await updateImageBuildStep(step.id, ["waiting"], {
    state: "queued",
    cacheKey,
    jobId,
    startedAt: now,
  });
}

/**
 * Moves a build on: steps whose parent is in the registry get their job, steps under a failed one
 * are blocked (naming it), and the build ends when every step has. Idempotent.
 */
export async function advanceImageBuild(buildId: number): Promise<void> {
  const build = await findImageBuild(buildId);
  if (!build || build.state !== "running") return;
  let steps = await listImageBuildSteps(buildId);
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const step of steps) {
    if (step.state !== "waiting") continue;
    const parent = step.parentStepId === null ? null : (byId.get(step.parentStepId) ?? null);
    if (parent?.state === "failed" || parent?.state === "blocked") {
      const blockedBy = parent.state === "failed" ? parent.image : parent.blockedBy;
      await updateImageBuildStep(step.id, ["waiting"], {
        state: "blocked",
        blockedBy,
        finishedAt: new Date(),
      });
      byId.set(step.id, { ...step, state: "blocked", blockedBy });
      continue;
    }
    if (parent && parent.state !== "pushed" && parent.state !== "reused") continue;
    await enqueueStep(step, parent, build.createdBy);
  }
  steps = await listImageBuildSteps(buildId);
  const open = steps.some((s) => ["waiting", "queued", "building"].includes(s.state));
  if (open) return;
  const failed = steps.some((s) => s.state === "failed" || s.state === "blocked");
  await finishImageBuild(buildId, failed ? "failed" : "succeeded", new Date());
}

/** When every arch of a node is in this build's registry: the index, and the node's tags on it. */
async function publishNode(buildId: number, nodeId: string): Promise<void> {
  const steps = (await listImageBuildSteps(buildId)).filter((s) => s.nodeId === nodeId);
  if (!steps.every((s) => (s.state === "pushed" || s.state === "reused") && s.digest)) return;
  const node = stack().nodes.find((n) => n.id === nodeId);
  if (!node) return;
  const images = steps.map((s) => ({ arch: s.arch, digest: s.digest! }));
  // Arches this build did not touch keep their newest pushed image.
  const pushed = await listPushedImageSteps();
  for (const arch of node.arches) {
    if (images.some((i) => i.arch === arch)) continue;
    const last = pushed.find((p) => p.image === steps[0]!.image && p.arch === arch);
    if (last) images.push({ arch, digest: last.digest });
  }
  await publishImageIndex({
    repository: repositoryOf(node),
    images,
    tags: [node.tag, ...node.aliases],
  });
}

/** The `image-build` kind's onFinished hook: records the pushed image (or the failure), moves on. */
export async function recordImageBuildFinished(job: FinishedJob): Promise<void> {
  const step = await findImageBuildStepByJob(job.id);
  if (!step || !["queued", "building"].includes(step.state)) return;
  const node = stack().nodes.find((n) => n.id === step.nodeId);
  const pushed =
    job.state === "succeeded" && node
      ? await takePushedImage(repositoryOf(node), stagingTag(step.id))
      : null;
  const now = new Date();
  if (pushed) {
    await updateImageBuildStep(step.id, ["queued", "building"], {
      state: "pushed",
      digest: pushed.digest,
      size: pushed.size,
      finishedAt: now,
    });
    await publishNode(step.buildId, step.nodeId);
  } else {
    await updateImageBuildStep(step.id, ["queued", "building"], {
      state: "failed",
      finishedAt: now,
    });
  }
  await advanceImageBuild(step.buildId);
}

/** The kind's onRetried hook: a Retry of a failed step's job runs the step again, unblocking below. */
export async function followImageBuildRetry(job: { id: number }, retryId: number): Promise<void> {
  const step = await findImageBuildStepByJob(job.id);
  if (step) await reopenImageBuildStep(step, retryId, new Date());
}
