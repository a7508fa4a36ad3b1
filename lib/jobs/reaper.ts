import "server-only";

import { reapExpiredLeases, reapOverdueJobs, reapStaleQueuedJobs } from "@/db/queries/job-reaper";
import { startBackgroundTask } from "@/lib/server/background-task";

import { runOwedJobHooks } from "./job-hooks";
import { retryableJobKinds } from "./kinds";
import { writeJobLog } from "./log-store";
import { notifyJobChanged, notifyQueueChanged } from "./notifier";
import { getJobSettings } from "./settings";

export type ReapSummary = {
  requeued: number[];
  lost: number[];
  timedOut: number[];
  expiredInQueue: number[];
};

/**
 * One pass of the reaper: lost runners' jobs are requeued or marked `runner_lost`, jobs far past
 * their time limit are marked `timed_out` (a backstop to the runner's own timer), and jobs that
 * waited a day without any runner fail. Safe to run from several server instances at once.
 */
export async function reapJobs(now = new Date()): Promise<ReapSummary> {
  const settings = getJobSettings();
  const timedOut = await reapOverdueJobs({ now, graceSeconds: settings.timeoutGraceSeconds });
  const reaped = await reapExpiredLeases({
    now,
    retryableKinds: retryableJobKinds,
    writeLog: writeJobLog,
  });
  const expiredInQueue = await reapStaleQueuedJobs({
    now,
    maxQueuedSeconds: settings.queueTimeoutSeconds,
  });
  const requeued = reaped.filter((j) => j.state === "queued").map((j) => j.id);
  const lost = reaped.filter((j) => j.state !== "queued").map((j) => j.id);
  for (const id of [...timedOut, ...reaped.map((j) => j.id), ...expiredInQueue])
    notifyJobChanged(id);
  if (requeued.length) notifyQueueChanged();
  return { requeued, lost, timedOut, expiredInQueue };
}

/** Starts the reaper (and the owed-hooks pass) on a timer. */
export function startJobsBackground(): void {
  startBackgroundTask("job background pass", getJobSettings().reaperIntervalMs, async () => {
    await reapJobs();
    // Also where hooks owed from before a restart (or by another process that died) run.
    await runOwedJobHooks();
  });
}
