import "server-only";

import {
  findImageBuild,
  listImageBuilds,
  listImageBuildSteps,
  listImageBuildStepsOf,
  type ImageBuildRecord,
  type ImageBuildStepWithJob,
} from "@/db/queries/image-builds";
import type { ImageBuildStepState } from "@/db/schema/image-builds";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";

// What the pipeline pages show. Builds are site administration (their jobs are system jobs): only
// administrators see them; everyone else gets the 404 of a page that does not exist.

function assertAdmin(caller: Caller | null): void {
  if (!caller?.isAdmin) throw new AppError("not_found", "Not found.");
}

export type ImageBuildSummary = Pick<
  ImageBuildRecord,
  "id" | "selection" | "arches" | "state" | "createdAt" | "finishedAt"
>;

const summaryOf = (b: ImageBuildRecord): ImageBuildSummary => ({
  id: b.id,
  selection: b.selection,
  arches: b.arches,
  state: b.state,
  createdAt: b.createdAt,
  finishedAt: b.finishedAt,
});

export async function listImageBuildsView(caller: Caller | null): Promise<ImageBuildSummary[]> {
  assertAdmin(caller);
  return (await listImageBuilds(50)).map(summaryOf);
}

type ArchJobView = {
  stepId: number;
  arch: string;
  state: ImageBuildStepState;
  jobId: number | null;
  jobState: string | null;
  cacheKey: string;
  digest: string | null;
  size: number | null;
  blockedBy: string | null;
  /** Milliseconds the job ran (so far, while it runs); null before it started. */
  durationMs: number | null;
};

export type PipelineNodeView = {
  nodeId: string;
  image: string;
  parentImage: string | null;
  /** Distance from the bottom of the stack (0: built FROM an upstream base). */
  level: number;
  from: string | null;
  /** The node's state: the least advanced of its arch jobs. */
  state: ImageBuildStepState;
  arches: ArchJobView[];
};

export type ImageBuildView = ImageBuildSummary & { nodes: PipelineNodeView[] };

/** A queued step whose job a runner took is building. */
function stateOf(step: ImageBuildStepWithJob): ImageBuildStepState {
  return step.state === "queued" && step.job?.state === "running" ? "building" : step.state;
}

const precedence: ImageBuildStepState[] = [
  "failed",
  "blocked",
  "building",
  "queued",
  "waiting",
  "pushed",
  "reused",
];

export async function getImageBuildView(
  caller: Caller | null,
  id: number,
  now = new Date(),
): Promise<ImageBuildView> {
  assertAdmin(caller);
  const build = await findImageBuild(id);
  if (!build) throw new AppError("not_found", `Build ${id} not found.`);
  const steps = await listImageBuildSteps(id);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const nodes = new Map<string, PipelineNodeView>();
  for (const step of steps) {
    const parent = step.parentStepId === null ? null : (byId.get(step.parentStepId) ?? null);
    let node = nodes.get(step.nodeId);
    if (!node) {
      node = {
        nodeId: step.nodeId,
        image: step.image,
        parentImage: parent?.image ?? null,
        level: parent ? (nodes.get(parent.nodeId)?.level ?? 0) + 1 : 0,
        from: step.fromImage,
        state: "reused",
        arches: [],
      };
      nodes.set(step.nodeId, node);
    }
    const started = step.job?.startedAt ?? null;
    const ended = step.job?.finishedAt ?? (step.job?.state === "running" ? now : null);
    const state = stateOf(step);
    node.arches.push({
      stepId: step.id,
      arch: step.arch,
      state,
      jobId: step.jobId,
      jobState: step.job?.state ?? null,
      cacheKey: step.cacheKey,
      digest: step.digest,
      size: step.size,
      blockedBy: step.blockedBy,
      durationMs: started && ended ? ended.getTime() - started.getTime() : null,
    });
    if (precedence.indexOf(state) < precedence.indexOf(node.state)) node.state = state;
  }
  return { ...summaryOf(build), nodes: [...nodes.values()] };
}

export type BuiltHere = {
  buildId: number;
  arches: { arch: string; digest: string; size: number | null; cacheKey: string }[];
};

/** How this registry's image of `base_image/<repo>:<tag>` was built here (newest build); null if not. */
export async function builtHereOf(image: string): Promise<BuiltHere | null> {
  const steps = await listImageBuildStepsOf(image);
  const newest = steps[0];
  if (!newest) return null;
  const arches = new Map<string, BuiltHere["arches"][number]>();
  for (const s of steps) {
    if (s.buildId !== newest.buildId || !s.digest || arches.has(s.arch)) continue;
    arches.set(s.arch, { arch: s.arch, digest: s.digest, size: s.size, cacheKey: s.cacheKey });
  }
  return { buildId: newest.buildId, arches: [...arches.values()] };
}
