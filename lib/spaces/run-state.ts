import "server-only";

import { findJobRecord } from "@/db/queries/jobs";
import { findSpaceRun, findSpaceRunEndpoint } from "@/db/queries/space-runs";

type SpaceRunState =
  | "none"
  | "starting"
  | "running"
  | "start_failed"
  | "runtime_error"
  | "paused"
  | "sleeping"
  | "stopped";

export type SpaceRunView = {
  state: SpaceRunState;
  /** Why the last run failed to start or stopped on its own (also while an older run serves). */
  message: string | null;
  /** The job whose log tells the story now: the starting run, else the serving (or last) one. */
  logJobId: number | null;
  /** The idle time the Space chose (-1: never sleeps), or null for its hardware's default. */
  sleepSeconds: number | null;
};

/** Where a Space's app stands: serving, starting, failed, paused or not running. */
export async function loadSpaceRunView(repoId: number): Promise<SpaceRunView> {
  const run = await findSpaceRun(repoId);
  if (!run) return { state: "none", message: null, logJobId: null, sleepSeconds: null };
  const next = run.nextRunJobId ? await findJobRecord(run.nextRunJobId) : null;
  const last = run.runJobId ? await findJobRecord(run.runJobId) : null;
  const logJobId = next?.id ?? last?.id ?? null;
  const view = (state: SpaceRunState): SpaceRunView => ({
    state,
    message: run.runMessage,
    logJobId,
    sleepSeconds: run.sleepSeconds,
  });
  if (run.paused) return view("paused");
  if (run.sleeping) return view("sleeping");
  if (await findSpaceRunEndpoint(repoId, new Date())) return view("running");
  if (next && (next.state === "queued" || next.state === "running")) return view("starting");
  if (last && (last.state === "queued" || last.state === "running")) return view("starting");
  if (last && (last.state === "failed" || last.state === "timed_out")) return view("runtime_error");
  if (run.runMessage) return view("start_failed");
  return view(last ? "stopped" : "none");
}
