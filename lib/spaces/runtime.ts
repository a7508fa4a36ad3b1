import "server-only";

import { findJobRecord } from "@/db/queries/jobs";
import { listSpaceSecretNames, listSpaceVariableValues } from "@/db/queries/space-variables";
import { findSpaceBuild } from "@/db/queries/spaces";
import type { Caller } from "@/lib/auth/caller";
import { resolveRevision, type RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";
import { readSpaceSettings } from "@/lib/repos/space-card";

import { loadSpaceRunView, type SpaceRunView } from "./run-state";
import { defaultSleepSeconds } from "./sleep";

type SpaceBuildView = {
  state: "none" | "queued" | "building" | "succeeded" | "failed" | "cancelled" | "config_error";
  message: string | null;
  jobId: number | null;
  commit: string | null;
  image: string | null;
  digest: string | null;
  size: number | null;
  /** The commit the image was built from (may be older than `commit` while a new build runs). */
  builtCommit: string | null;
  /** How long the build's job ran, once it ended. */
  durationMs: number | null;
};

/** The Hub's stage names (part of `get_space_runtime`). */
type SpaceStage =
  | "NO_APP_FILE"
  | "CONFIG_ERROR"
  | "BUILDING"
  | "BUILD_ERROR"
  | "APP_STARTING"
  | "RUNNING"
  | "RUNNING_BUILDING"
  | "RUNTIME_ERROR"
  | "PAUSED"
  | "SLEEPING"
  | "STOPPED";

export type SpaceRuntime = {
  stage: SpaceStage;
  sdk: string | null;
  hardware: { current: string | null; requested: string | null };
  build: SpaceBuildView;
  run: SpaceRunView;
  private: boolean;
  /** Idle seconds before its app sleeps (its own choice or its hardware's default); -1: never. */
  sleepSeconds: number;
  /** What its app runs with: the variables' values, and only the names of the secrets. */
  env: { variables: Record<string, string>; secretNames: string[] };
};

function stageOf(sdk: string | null, build: SpaceBuildView, run: SpaceRunView): SpaceStage {
  // A static Space is served straight from its repository: it runs as soon as it exists.
  if (sdk === "static") return "RUNNING";
  if (run.state === "paused") return "PAUSED";
  if (run.state === "sleeping") return "SLEEPING";
  const building = build.state === "queued" || build.state === "building";
  if (run.state === "running") return building ? "RUNNING_BUILDING" : "RUNNING";
  if (building) return "BUILDING";
  if (run.state === "starting") return "APP_STARTING";
  if (run.state === "runtime_error" || run.state === "start_failed") return "RUNTIME_ERROR";
  switch (build.state) {
    case "config_error":
      return build.message?.includes("app file") ? "NO_APP_FILE" : "CONFIG_ERROR";
    case "queued":
    case "building":
      return "BUILDING";
    case "failed":
      return "BUILD_ERROR";
    default:
      return "STOPPED";
  }
}

/** A Space's build and stage, for whoever may read it (404 otherwise, as for the Space itself). */
export async function loadSpaceRuntime(
  caller: Caller | null,
  address: RepoRef,
): Promise<SpaceRuntime> {
  const { repo, ref } = await getRepo(caller, { ...address, type: "space" }, "read");
  const head = await resolveRevision(ref, "HEAD");
  const settings = head ? await readSpaceSettings(ref, head.commit) : null;
  const row = await findSpaceBuild(repo.id);
  // The row says queued until the hook records the end; the job knows when a runner took it.
  const job = row?.buildJobId ? await findJobRecord(row.buildJobId) : null;
  const build: SpaceBuildView = {
    state:
      row?.buildState === "queued" && job?.state === "running"
        ? "building"
        : (row?.buildState ?? "none"),
    message: row?.buildMessage ?? null,
    jobId: row?.buildJobId ?? null,
    commit: row?.buildCommit ?? null,
    image: row?.image ?? null,
    digest: row?.imageDigest ?? null,
    size: row?.imageSize ?? null,
    builtCommit: row?.builtCommit ?? null,
    durationMs:
      job?.startedAt && job.finishedAt ? job.finishedAt.getTime() - job.startedAt.getTime() : null,
  };
  const run = await loadSpaceRunView(repo.id);
  const hardware = settings?.sdk === "static" ? "cpu-basic" : (settings?.hardware ?? "cpu-basic");
  return {
    stage: stageOf(settings?.sdk ?? null, build, run),
    sdk: settings?.sdk ?? null,
    hardware: { current: build.image ? hardware : null, requested: hardware },
    build,
    run,
    private: repo.isPrivate,
    sleepSeconds: run.sleepSeconds ?? defaultSleepSeconds(hardware === "npu-basic" ? 1 : 0),
    env: {
      variables: await listSpaceVariableValues(repo.id),
      secretNames: await listSpaceSecretNames(repo.id),
    },
  };
}
