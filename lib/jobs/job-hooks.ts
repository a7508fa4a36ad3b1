import "server-only";

import {
  claimJobHook,
  deferJobHook,
  listOwedHookJobs,
  markJobHookDone,
  type OwedHookJob,
} from "@/db/queries/job-hooks";

import { resourceRefFromColumns } from "./job-resource";
import { jobKindDefinitions, type JobKindDefinition } from "./kinds";
import type { JobKind } from "./protocol";

/** How long a process may take over one hook before another may run it instead. */
const claimMs = 5 * 60_000;
/** When a failed hook is tried again. */
const retryMs = 60_000;
const batchSize = 50;

export type HookRunSummary = { ran: number[]; failed: number[] };

async function runOne(
  job: OwedHookJob,
  definition: JobKindDefinition | undefined,
  now: Date,
): Promise<"ran" | "failed" | "skipped"> {
  if (!(await claimJobHook(job.id, now, new Date(now.getTime() + claimMs)))) return "skipped";
  try {
    await definition?.onFinished?.({
      id: job.id,
      kind: job.kind,
      state: job.state,
      resource: resourceRefFromColumns(job.resourceType, job.resourceId),
      spec: job.spec,
      exitCode: job.exitCode,
      failureReason: job.failureReason,
      finishedAt: job.finishedAt,
    });
  } catch (error) {
    console.error(
      `[strata] onFinished of job ${job.id} (${job.kind}) failed; retrying later:`,
      error,
    );
    await deferJobHook(job.id, new Date(Date.now() + retryMs));
    return "failed";
  }
  await markJobHookDone(job.id, new Date());
  return "ran";
}

/**
 * Runs every owed `onFinished` hook: after a job ends (the finish call, the reaper, a cancel), at
 * start, and on the background timer, which together make hooks survive a crash or a restart
 * between a job's end and its hook. Safe in several processes at once: each hook is claimed first.
 * Jobs of kinds without a hook are marked done on the way.
 */
export async function runOwedJobHooks(
  definitions: Record<JobKind, JobKindDefinition> = jobKindDefinitions,
  now = new Date(),
): Promise<HookRunSummary> {
  const summary: HookRunSummary = { ran: [], failed: [] };
  for (;;) {
    const owed = await listOwedHookJobs(now, batchSize);
    let progressed = false;
    for (const job of owed) {
      const outcome = await runOne(job, definitions[job.kind], now);
      if (outcome === "skipped") continue;
      progressed = true;
      if (outcome === "failed") summary.failed.push(job.id);
      else if (definitions[job.kind]?.onFinished) summary.ran.push(job.id);
    }
    if (owed.length < batchSize || !progressed) return summary;
  }
}

let pass: Promise<unknown> = Promise.resolve();
/** A pass is queued and has not begun listing owed hooks yet. */
let passWaiting = false;

/**
 * Queues a pass after the current one (callers that just ended a job don't wait for hooks). While
 * a queued pass has not started, it will see this caller's job too: no second pass is queued.
 */
export function runOwedJobHooksSoon(): void {
  if (passWaiting) return;
  passWaiting = true;
  pass = pass
    .then(() => {
      passWaiting = false;
      return runOwedJobHooks();
    })
    .catch((error: unknown) => console.error("[strata] job hooks failed:", error));
}
