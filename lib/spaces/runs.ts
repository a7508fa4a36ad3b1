import "server-only";

import { findJobRecord } from "@/db/queries/jobs";
import { findRepoRecordById, type RepoRecord } from "@/db/queries/repos";
import { listRunnerRecords } from "@/db/queries/runners";
import {
  findSpaceRun,
  promoteSpaceRun,
  recordSpaceRunFailure,
  setNextSpaceRun,
  setSpacePaused,
} from "@/db/queries/space-runs";
import { listSpaceSealedSecrets, listSpaceVariableValues } from "@/db/queries/space-variables";
import { findSpaceBuild } from "@/db/queries/spaces";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";
import { spaceAppPort } from "@/lib/hub/repos/space-templates";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { cancelJobAsSystem } from "@/lib/jobs/job-control";
import type { FinishedJob } from "@/lib/jobs/kinds";
import { readJobLogChunk } from "@/lib/jobs/log-store";
import { getRepo, refOf } from "@/lib/repos/access";
import { readSpaceSettings } from "@/lib/repos/space-card";

import { spaceImageRepository } from "./builds";
import { spaceHardwareLimits, spaceRunSpec } from "./run-spec";
import { openSecretValue } from "./secret-box";

/** Where a Space runs: on CPU, or with one NPU chip (`npu-basic`). */
function hardwareOf(hardware: string | null): { label: "cpu" | "npu"; npuCount: number } {
  return hardware === "npu-basic" ? { label: "npu", npuCount: 1 } : { label: "cpu", npuCount: 0 };
}

/** A docker runner of that hardware runs the image; otherwise a shell runner runs a checkout. */
async function runsImage(hardware: string): Promise<boolean> {
  return (await listRunnerRecords()).some(
    (runner) => runner.executor === "docker" && runner.labels.hardware === hardware,
  );
}

/**
 * Starts a run of the Space's built commit. It serves once its runner reports its endpoint; the
 * run it replaces keeps serving until then. Nothing starts while the Space is paused unless a
 * writer asks (`force`, which resumes it). `dedupeKey` makes the automatic start idempotent.
 */
export async function startSpaceRun(
  repo: RepoRecord,
  input: { dedupeKey: string; createdBy: number | null; force: boolean },
): Promise<number | null> {
  const build = await findSpaceBuild(repo.id);
  const run = await findSpaceRun(repo.id);
  if (!build?.builtCommit || !build.image || (run?.paused && !input.force)) return null;
  const ref = refOf(repo);
  const settings = await readSpaceSettings(ref, build.builtCommit);
  if (settings.sdk !== "gradio" && settings.sdk !== "docker") return null;
  const hardware = hardwareOf(settings.hardware);
  const image = settings.sdk === "docker" || (await runsImage(hardware.label));
  const { id } = await enqueueJob({
    kind: "space-run",
    spec: spaceRunSpec({
      repoId: repo.id,
      owner: ref.owner,
      name: ref.name,
      commit: build.builtCommit,
      appFile: settings.appFile ?? "app.py",
      port: spaceAppPort,
      image: image ? build.image : null,
      sdk: settings.sdk,
      cloneUrl: `${getConfig().publicUrl}/spaces/${ref.owner}/${ref.name}.git`,
      variables: await listSpaceVariableValues(repo.id),
      limits: spaceHardwareLimits[hardware.label],
    }),
    labels: { hardware: hardware.label },
    npuCount: hardware.npuCount,
    resource: { type: "repo", repoId: repo.id },
    createdBy: input.createdBy,
    grants: image ? {} : { clone: [spaceImageRepository(ref)] },
    dedupeKey: input.dedupeKey,
  });
  const replaced = await setNextSpaceRun(repo.id, id);
  if (replaced) await cancelJobAsSystem(replaced, "A newer run of this Space replaced it.");
  return id;
}

/** After the Space's current build succeeded (its hook recorded the image): run what it built. */
export async function runBuiltSpace(job: FinishedJob): Promise<void> {
  if (job.resource.type !== "repo" || job.state !== "succeeded") return;
  const repo = await findRepoRecordById(job.resource.repoId);
  const build = repo ? await findSpaceBuild(repo.id) : null;
  if (!repo || build?.buildJobId !== job.id || build.buildState !== "succeeded") return;
  await startSpaceRun(repo, {
    dedupeKey: `space-run:${repo.id}:${build.builtCommit}`,
    createdBy: null,
    force: false,
  });
}

/** "Restart" (and "Resume"): a fresh run of the built commit, for a writer of the Space. */
export async function restartSpace(caller: Caller, address: RepoRef): Promise<{ jobId: number }> {
  const { repo } = await getRepo(caller, { ...address, type: "space" }, "write");
  const jobId = await startSpaceRun(repo, {
    dedupeKey: `space-run:${repo.id}:restart:${Date.now()}`,
    createdBy: caller.id,
    force: true,
  });
  if (!jobId) throw new AppError("conflict", "This Space has no built app to run yet.");
  return { jobId };
}

/**
 * After a secret changed: a Space whose app runs (or is starting) gets a fresh run, which opens the
 * secrets anew; a paused, sleeping or stopped one picks them up when it next starts.
 */
export async function restartRunningSpace(
  caller: Caller,
  address: RepoRef,
): Promise<number | null> {
  const { repo } = await getRepo(caller, { ...address, type: "space" }, "write");
  const run = await findSpaceRun(repo.id);
  if (!run || run.paused || run.sleeping) return null;
  const live = async (jobId: number | null) => {
    const job = jobId ? await findJobRecord(jobId) : null;
    return job?.state === "queued" || job?.state === "running";
  };
  if (!(await live(run.runJobId)) && !(await live(run.nextRunJobId))) return null;
  return startSpaceRun(repo, {
    dedupeKey: `space-run:${repo.id}:secrets:${Date.now()}`,
    createdBy: caller.id,
    force: false,
  });
}

/** "Pause": stops the app and starts none until a writer resumes it. */
export async function pauseSpace(caller: Caller, address: RepoRef): Promise<void> {
  const { repo } = await getRepo(caller, { ...address, type: "space" }, "write");
  const runs = await setSpacePaused(repo.id, true);
  for (const jobId of [runs.runJobId, runs.nextRunJobId]) {
    if (jobId) await cancelJobAsSystem(jobId, "The Space was paused.");
  }
}

/** The `space-run` kind's endpoint hook: a starting run that answers replaces the serving one. */
export async function promoteAnsweringRun(job: { id: number; repoId: number }): Promise<void> {
  const promoted = await promoteSpaceRun(job.repoId, job.id);
  if (promoted?.replaced) {
    await cancelJobAsSystem(promoted.replaced, "A newer run of this Space replaced it.");
  }
}

/** The last lines the app wrote (its traceback, typically), colours and progress bars dropped. */
async function logTail(jobId: number): Promise<string> {
  const size = (await findJobRecord(jobId))?.logSize ?? 0;
  const bytes = await readJobLogChunk(jobId, Math.max(0, size - tailBytes), size);
  const lines = bytes
    .toString("utf8")
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")
    .split("\n")
    .map((line) => line.split("\r").pop()!.trimEnd())
    .filter(Boolean);
  // The first line may have been cut in the middle.
  return lines
    .slice(size > tailBytes ? 1 : 0)
    .slice(-tailLines)
    .join("\n");
}
const tailBytes = 4096;
const tailLines = 20;

/**
 * The `space-run` kind's onFinished hook: a run that failed or exited says why, with the last lines
 * of its log.
 */
export async function recordSpaceRunFinished(job: FinishedJob): Promise<void> {
  if (job.resource.type !== "repo" || job.state === "cancelled") return;
  const reason = job.failureReason ?? `The app exited with code ${job.exitCode ?? "unknown"}.`;
  const tail = await logTail(job.id).catch(() => "");
  await recordSpaceRunFailure(job.resource.repoId, job.id, tail ? `${reason}\n${tail}` : reason);
}

/** A run's environment besides its spec: the Space's secrets, opened when a runner claims it. */
export async function spaceRunSecrets(repoId: number): Promise<Record<string, string>> {
  const repo = await findRepoRecordById(repoId);
  if (!repo) return {};
  const sealed = await listSpaceSealedSecrets(repo.id);
  return Object.fromEntries(
    sealed.map((entry) => [entry.name, openSecretValue(repo.id, entry.name, entry.sealedValue)]),
  );
}
