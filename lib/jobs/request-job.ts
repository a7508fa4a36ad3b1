import "server-only";

import { claimNextJob, hasQueuedJobs } from "@/db/queries/job-claim";
import { releaseUndeliveredClaim } from "@/db/queries/job-runs";
import { findJobRecord } from "@/db/queries/jobs";
import { touchRunner, type RunnerIdentity } from "@/db/queries/runners";
import { getConfig } from "@/lib/config";

import { resourceRefFromColumns } from "./job-resource";
import { jobKindDefinitions } from "./kinds";
import { notifyJobChanged, notifyQueueChanged, waitForQueueChange } from "./notifier";
import type { JobPayload, JobSpec } from "./protocol";
import { jobRequestSchema } from "./protocol-schemas";
import { generateSecret, hashSecret } from "./secrets";
import { getJobSettings } from "./settings";

const touchIntervalMs = 5_000;

/** One claim attempt: the job payload (with its fresh token) or null when nothing fits now. */
export async function tryClaimJob(
  runner: RunnerIdentity,
  busyNpus: readonly number[],
): Promise<JobPayload | null> {
  if (!(await hasQueuedJobs())) return null;
  const settings = getJobSettings();
  const token = generateSecret("job");
  const now = new Date();
  const claimed = await claimNextJob({
    runnerId: runner.id,
    busyNpus,
    tokenHash: hashSecret(token),
    now,
    leaseUntil: new Date(now.getTime() + settings.leaseSeconds * 1000),
  });
  if (!claimed) return null;
  notifyJobChanged(claimed.id);
  // Validated by jobSpecSchema when the job was enqueued.
  const spec = claimed.spec as JobSpec;
  const claimEnv = jobKindDefinitions[claimed.kind].claimEnv;
  const record = claimEnv ? await findJobRecord(claimed.id) : null;
  const extraEnv =
    claimEnv && record
      ? await claimEnv(resourceRefFromColumns(record.resourceType, record.resourceId))
      : {};
  return {
    id: claimed.id,
    attempt: claimed.attempt,
    kind: claimed.kind,
    spec: Object.keys(extraEnv).length ? { ...spec, env: { ...spec.env, ...extraEnv } } : spec,
    token,
    grants: claimed.grants,
    npuDevices: claimed.npuDevices,
    timeoutSeconds: claimed.timeoutSeconds,
    leaseSeconds: settings.leaseSeconds,
    logOffset: claimed.logOffset,
    serverUrl: getConfig().publicUrl,
  };
}

/**
 * The long poll: claims a job for the runner, waiting up to the poll timeout for one to appear.
 * The in-process notifier wakes it as soon as a job is queued here; the periodic re-check finds
 * jobs queued by another server instance. A job claimed just as the client went away is put back.
 */
export async function requestJob(
  runner: RunnerIdentity,
  body: unknown,
  signal: AbortSignal,
): Promise<JobPayload | null> {
  const input = jobRequestSchema.parse(body ?? {});
  const settings = getJobSettings();
  const waitMs =
    Math.min(input.waitSeconds ?? settings.pollTimeoutSeconds, settings.pollTimeoutSeconds) * 1000;
  const deadline = Date.now() + waitMs;
  // Last-seen needs only a few seconds' precision: skip the write when the token lookup shows it fresh.
  if (Date.now() - runner.lastSeenAt.getTime() >= touchIntervalMs) {
    await touchRunner(runner.id, new Date(), touchIntervalMs);
  }
  for (;;) {
    if (signal.aborted) return null;
    const job = await tryClaimJob(runner, input.busyNpus ?? []);
    if (job) {
      if (signal.aborted) {
        if (await releaseUndeliveredClaim(job.id, job.attempt)) notifyQueueChanged();
        return null;
      }
      return job;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return null;
    await waitForQueueChange(Math.min(remaining, settings.pollRecheckMs), signal);
  }
}
