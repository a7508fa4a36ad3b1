import "server-only";

import { listRunningSpaceRecords } from "@/db/queries/running-spaces";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";

/** How a running Space's app stands on its runner. */
type RunningSpaceState = "starting" | "running" | "stopping";

/** One Space app on a runner, as the runners page shows it to site administrators. */
export type RunningSpaceView = {
  jobId: number;
  /** `owner/name`. */
  spaceId: string;
  owner: string;
  name: string;
  state: RunningSpaceState;
  runnerName: string | null;
  hardware: string | null;
  /** The `N` of each `/dev/davinciN` the run holds. */
  npuDevices: number[];
  startedAt: string | null;
  /** Where its runner reported the app answers (admins already see it on the job). */
  endpoint: string | null;
};

/**
 * Every Space app a runner holds now, with its NPUs: site administration, so only administrators
 * see it; everyone else gets the 404 of a page that does not exist (private Spaces are listed).
 */
export async function listRunningSpaces(caller: Caller | null): Promise<RunningSpaceView[]> {
  if (!caller?.isAdmin) throw new AppError("not_found", "Not found.");
  return (await listRunningSpaceRecords()).map((run) => ({
    jobId: run.jobId,
    spaceId: `${run.owner}/${run.name}`,
    owner: run.owner,
    name: run.name,
    state: run.cancelRequested ? "stopping" : run.serving && run.endpoint ? "running" : "starting",
    runnerName: run.runnerName,
    hardware: run.hardware,
    npuDevices: run.npuDevices,
    startedAt: run.startedAt?.toISOString() ?? null,
    endpoint: run.endpoint,
  }));
}
