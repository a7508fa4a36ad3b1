import "server-only";

import { pointTag } from "@/db/queries/registry-manifests";
import { findRepoRecordById, type RepoRecord } from "@/db/queries/repos";
import { listSpaceVariableValues } from "@/db/queries/space-variables";
import {
  findImageByTag,
  findSpaceBuild,
  finishSpaceBuild,
  listOpenSpaceBuildJobs,
  writeSpaceBuildState,
} from "@/db/queries/spaces";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { readFileBytes, resolveRevision, type RepoRef } from "@/lib/hub";
import { registryHost } from "@/lib/images/stack/pull-commands";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { cancelJobAsSystem } from "@/lib/jobs/job-control";
import type { JobResourceRef } from "@/lib/jobs/job-resource";
import type { FinishedJob } from "@/lib/jobs/kinds";
import { getRepo, refOf } from "@/lib/repos/access";
import { readSpaceSettings, type SpaceSettings } from "@/lib/repos/space-card";

import { spaceAppPort } from "@/lib/hub/repos/space-templates";

import { gradioDockerfile, spaceBuildSpec } from "./build-spec";

const imageReference = /^[a-z0-9][a-z0-9._/:@-]{0,299}$/i;
const appPath = /^[\w][\w./-]{0,199}$/;

/** `spaces/alice/demo`: the Space's image repository in this hub's registry (and its grant name). */
export const spaceImageRepository = (ref: RepoRef) => `spaces/${ref.owner}/${ref.name}`;

async function fileText(ref: RepoRef, commit: string, path: string): Promise<string | null> {
  try {
    const { data } = await readFileBytes(ref, { rev: commit, path, maxBytes: 256 * 1024 });
    return data.toString("utf8");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

type BuildPlan =
  { build: false; message: string | null } | { build: true; dockerfile: string | null };

/** Whether commit `commit` of a Space is built, and with which Dockerfile; why not, when not. */
async function planBuild(
  ref: RepoRef,
  commit: string,
  settings: SpaceSettings,
  variables: Record<string, string>,
): Promise<BuildPlan> {
  switch (settings.sdk) {
    case null:
      return {
        build: false,
        message: "The card names no SDK: set `sdk` to gradio, static or docker.",
      };
    case "static":
      // Served straight from the repository; there is nothing to build.
      return { build: false, message: null };
    case "docker":
      return (await fileText(ref, commit, "Dockerfile")) === null
        ? {
            build: false,
            message: "A docker Space needs a Dockerfile at the top of its repository.",
          }
        : { build: true, dockerfile: null };
    case "gradio": {
      if (!settings.baseImage) {
        return {
          build: false,
          message: "Choose a base environment (`base_image` in the card, or Settings).",
        };
      }
      // Both go into the generated Dockerfile and the fetch script: only plain references and paths.
      if (!imageReference.test(settings.baseImage)) {
        return { build: false, message: "`base_image` is not an image reference." };
      }
      const appFile = settings.appFile ?? "app.py";
      if (!appPath.test(appFile)) {
        return { build: false, message: "`app_file` must be a path such as app.py." };
      }
      if ((await fileText(ref, commit, appFile)) === null) {
        return { build: false, message: `The app file ${appFile} is missing.` };
      }
      const requirements = (await fileText(ref, commit, "requirements.txt")) ?? "";
      return {
        build: true,
        dockerfile: gradioDockerfile({
          baseImage: settings.baseImage,
          appFile,
          port: spaceAppPort,
          hasRequirements: requirements
            .split("\n")
            .some((line) => line.trim() && !line.trim().startsWith("#")),
          variables,
        }),
      };
    }
  }
}

/**
 * Brings a Space's build in step with its default branch: a new head commit gets a build job
 * (pinned to that commit, superseding older queued or running builds) or a recorded reason why
 * it cannot be built. Idempotent: the job is keyed by (Space, commit), and a commit already
 * handled is left alone, so the change listener and the reconcile pass may both call it.
 */
export async function syncSpaceBuild(repo: RepoRecord): Promise<void> {
  if (repo.type !== "space") return;
  const ref = refOf(repo);
  const head = await resolveRevision(ref, "HEAD");
  if (!head || (await findSpaceBuild(repo.id))?.buildCommit === head.commit) return;
  await buildCommit(repo, head.commit, `space-build:${repo.id}:${head.commit}`, null);
}

/**
 * "Rebuild": builds the head commit again, for a writer of the Space (after a failed build, or
 * when its base environment's tag was pushed again). A key of its own, so it is a new job.
 */
export async function rebuildSpace(
  caller: Caller,
  address: RepoRef,
  options: { noCache?: boolean } = {},
): Promise<{ jobId: number | null }> {
  const { repo, ref } = await getRepo(caller, { ...address, type: "space" }, "write");
  const head = await resolveRevision(ref, "HEAD");
  if (!head) throw new AppError("conflict", "This Space has no commit to build yet.");
  const jobId = await buildCommit(
    repo,
    head.commit,
    `space-build:${repo.id}:${head.commit}:${Date.now()}`,
    caller.id,
    options.noCache ?? false,
  );
  return { jobId };
}

/** Starts the build of `commit` (or records why it cannot be built); returns its job, if any. */
async function buildCommit(
  repo: RepoRecord,
  commit: string,
  dedupeKey: string,
  createdBy: number | null,
  noCache = false,
): Promise<number | null> {
  const ref = refOf(repo);
  // Variables are build args (secrets never enter a build).
  const variables = await listSpaceVariableValues(repo.id);
  const plan = await planBuild(ref, commit, await readSpaceSettings(ref, commit), variables);
  if (!plan.build) {
    await supersedeBuilds(repo.id, commit, null);
    await writeSpaceBuildState(repo.id, {
      state: plan.message ? "config_error" : "none",
      commit,
      message: plan.message,
    });
    return null;
  }
  const { publicUrl } = getConfig();
  const imageName = spaceImageRepository(ref);
  const { id } = await enqueueJob({
    kind: "space-build",
    spec: spaceBuildSpec({
      cloneUrl: `${publicUrl}/spaces/${ref.owner}/${ref.name}.git`,
      commit,
      dockerfile: plan.dockerfile,
      imageTag: `${registryHost(publicUrl)}/${imageName}:${commit.slice(0, 12)}`,
      buildArgs: variables,
      noCache,
    }),
    resource: { type: "repo", repoId: repo.id },
    createdBy,
    grants: { clone: [imageName], push: [imageName] },
    dedupeKey,
  });
  // After enqueueing: two callers racing for one commit get the same job and keep it.
  await supersedeBuilds(repo.id, commit, id);
  await writeSpaceBuildState(repo.id, { state: "queued", commit, jobId: id });
  return id;
}

/**
 * A Retry of the Space's current build from its job page: the Space follows the new job, as it
 * does a Rebuild. A retry of an older, superseded build changes nothing.
 */
export async function followSpaceBuildRetry(
  job: { id: number; resource: JobResourceRef },
  retryId: number,
): Promise<void> {
  if (job.resource.type !== "repo") return;
  const build = await findSpaceBuild(job.resource.repoId);
  if (!build?.buildCommit || build.buildJobId !== job.id) return;
  await writeSpaceBuildState(job.resource.repoId, {
    state: "queued",
    commit: build.buildCommit,
    jobId: retryId,
  });
}

/** Cancels the Space's queued or running builds other than `keep`: a newer commit supersedes them. */
async function supersedeBuilds(repoId: number, commit: string, keep: number | null): Promise<void> {
  for (const jobId of await listOpenSpaceBuildJobs(repoId)) {
    if (jobId !== keep) await cancelJobAsSystem(jobId, `Superseded by ${commit.slice(0, 7)}.`);
  }
}

/** The `space-build` kind's onFinished hook: records the outcome, and the image a success pushed. */
export async function recordSpaceBuildFinished(job: FinishedJob): Promise<void> {
  if (job.resource.type !== "repo") return;
  const repo = await findRepoRecordById(job.resource.repoId);
  const build = repo ? await findSpaceBuild(repo.id) : null;
  if (!repo || !build || build.buildJobId !== job.id || !build.buildCommit) return;
  const ref = refOf(repo);
  const tag = build.buildCommit.slice(0, 12);
  const pushed =
    job.state === "succeeded" ? await findImageByTag(spaceImageRepository(ref), tag) : null;
  // `:latest` follows the Space's newest built commit (a superseded build never gets here).
  if (pushed) await pointTag(spaceImageRepository(ref), "latest", pushed.digest);
  await finishSpaceBuild(repo.id, job.id, {
    state:
      job.state === "succeeded" && pushed
        ? "succeeded"
        : job.state === "cancelled"
          ? "cancelled"
          : "failed",
    message:
      job.state === "succeeded" && !pushed
        ? "The build finished but its image is not in the registry."
        : job.failureReason,
    image: pushed
      ? {
          reference: `${registryHost(getConfig().publicUrl)}/${spaceImageRepository(ref)}:${tag}`,
          digest: pushed.digest,
          size: pushed.size,
          commit: build.buildCommit,
        }
      : undefined,
  });
}
