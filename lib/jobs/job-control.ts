import "server-only";

import { insertAudit } from "@/db/queries/audit";
import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";
import { finalJobStates } from "@/db/schema/job-enums";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";

import { enqueueJob } from "./enqueue";
import { loadJobFor } from "./job-access";
import { runOwedJobHooksSoon } from "./job-hooks";
import { resourceRefFromColumns } from "./job-resource";
import { toJobView, type JobView } from "./job-view";
import { jobKindDefinitions } from "./kinds";
import { anyLabelValue } from "./labels";
import { notifyJobChanged } from "./notifier";
import type { JobSpec } from "./protocol";

/**
 * Cancels a job: a queued one ends at once, a running one is stopped by its runner at the next
 * heartbeat (then killed, process group and all). Cancelling an ended job changes nothing.
 */
export async function cancelJob(caller: Caller, jobId: number): Promise<JobView> {
  await loadJobFor(caller, jobId, "write");
  const state = await requestJobCancel(jobId, new Date());
  if (state === "cancelled" || state === "running") {
    await insertAudit({ actorId: caller.id, action: "job.cancel", target: `job:${jobId}` });
    notifyJobChanged(jobId);
  }
  if (state === "cancelled") runOwedJobHooksSoon();
  const job = await findJobRecord(jobId);
  if (!job) throw new AppError("not_found", "Job not found.");
  return toJobView(job);
}

/**
 * Cancels a job the system itself decided to stop (a Space build superseded by a newer commit),
 * with the reason in the job's record when it had not started.
 */
export async function cancelJobAsSystem(jobId: number, reason: string): Promise<void> {
  const state = await requestJobCancel(jobId, new Date(), reason);
  if (state === "cancelled" || state === "running") notifyJobChanged(jobId);
  if (state === "cancelled") runOwedJobHooksSoon();
}

/** Runs an ended job again as a new job (same spec, labels and resource); the old one keeps its log. */
export async function retryJob(caller: Caller, jobId: number): Promise<{ id: number }> {
  const job = await loadJobFor(caller, jobId, "write");
  if (!(finalJobStates as readonly string[]).includes(job.state)) {
    throw new AppError(
      "conflict",
      "The job has not ended yet; cancel it first or wait for it to finish.",
    );
  }
  const created = await enqueueJob({
    kind: job.kind,
    spec: job.spec as JobSpec,
    // The labels derived from the spec (executor, `builder=*`) are derived again by enqueue; `*`
    // is not a value a job's own labels may have.
    labels: Object.fromEntries(
      Object.entries(job.requiredLabels).filter(([, value]) => value !== anyLabelValue),
    ),
    npuCount: job.npuCount,
    timeoutSeconds: job.timeoutSeconds,
    maxAttempts: job.maxAttempts,
    grants: job.grants,
    resource: resourceRefFromColumns(job.resourceType, job.resourceId),
    createdBy: caller.id,
    retryOf: job.id,
  });
  await jobKindDefinitions[job.kind].onRetried?.(
    { id: job.id, resource: resourceRefFromColumns(job.resourceType, job.resourceId) },
    created.id,
  );
  await insertAudit({
    actorId: caller.id,
    action: "job.retry",
    target: `job:${jobId}`,
    details: { newJobId: created.id },
  });
  return created;
}
