import "server-only";

import { appendJobLog } from "@/db/queries/job-logs";
import {
  finishJobAttempt,
  releaseUndeliveredClaim,
  renewJobLease,
  type JobRunView,
} from "@/db/queries/job-runs";
import type { RunnerIdentity } from "@/db/queries/runners";
import { AppError } from "@/lib/errors";

import { runOwedJobHooksSoon } from "./job-hooks";
import { hooklessJobKinds, retryableJobKinds } from "./kinds";
import { writeJobLog } from "./log-store";
import { notifyJobChanged, notifyQueueChanged } from "./notifier";
import type {
  FinishResponse,
  JobHeartbeatResponse,
  JobPayload,
  LogAppendResponse,
} from "./protocol";
import { finishRequestSchema } from "./protocol-schemas";
import { tryClaimJob } from "./request-job";
import { getJobSettings } from "./settings";

// The runner's calls about one job, after `authenticateJobCall` found the job behind its token.

function pastServerTimeout(job: JobRunView, now: Date): boolean {
  return !!job.startedAt && now.getTime() > job.startedAt.getTime() + job.timeoutSeconds * 1000;
}

/** Renews the lease; `cancel` tells the runner to stop (cancelled, timed out, or no longer its job). */
export async function heartbeatJob(job: JobRunView): Promise<JobHeartbeatResponse> {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + getJobSettings().leaseSeconds * 1000);
  const renewed =
    job.state === "running" &&
    (await renewJobLease({ jobId: job.id, attempt: job.attempt, leaseUntil }));
  const reason = !renewed
    ? job.state === "timed_out"
      ? "timed_out"
      : job.state === "cancelled"
        ? "cancelled"
        : "ended"
    : job.cancelRequestedAt
      ? "cancelled"
      : pastServerTimeout(job, now)
        ? "timed_out"
        : null;
  return {
    cancel: reason !== null,
    reason,
    state: job.state,
    leaseUntil: renewed ? leaseUntil.toISOString() : null,
  };
}

/** `Content-Range: <start>-<end>` (end inclusive, GitLab style); `bytes ` prefix and `/total` tolerated. */
export function parseContentRange(header: string | null): { start: number; end: number } {
  const match = header?.trim().match(/^(?:bytes\s+)?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/);
  if (!match) {
    throw new AppError(
      "bad_request",
      "Send the chunk's position as Content-Range: <start>-<end> (end inclusive).",
    );
  }
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) {
    throw new AppError("bad_request", "Content-Range end must not be before its start.");
  }
  return { start, end };
}

export type LogAppendResult = { status: 202 | 416; body: LogAppendResponse };

/** Appends a chunk at the offset given by the runner; 416 (with the stored size) when it is not the end. */
export async function appendJobLogChunk(
  job: JobRunView,
  range: { start: number; end: number },
  bytes: Buffer,
): Promise<LogAppendResult> {
  if (bytes.length !== range.end - range.start + 1) {
    throw new AppError(
      "bad_request",
      `Content-Range says ${range.end - range.start + 1} bytes but the body has ${bytes.length}.`,
    );
  }
  const outcome = await appendJobLog({
    jobId: job.id,
    attempt: job.attempt,
    offset: range.start,
    bytes,
    maxSize: getJobSettings().logMaxBytes,
    writeLog: writeJobLog,
  });
  const cancel = !!job.cancelRequestedAt;
  switch (outcome.status) {
    case "appended":
      notifyJobChanged(job.id);
      return { status: 202, body: { size: outcome.size, cancel } };
    case "offset_mismatch":
      return { status: 416, body: { size: outcome.size, cancel } };
    case "too_large":
      throw new AppError(
        "payload_too_large",
        `The job's log reached its limit of ${getJobSettings().logMaxBytes} bytes; further output is dropped.`,
      );
    case "not_running":
      throw new AppError("conflict", "The job is no longer running; its log is closed.");
  }
}

export type FinishResult =
  { status: 200; body: FinishResponse } | { status: 412; body: { size: number } };

/**
 * The runner's next job, claimed in the finish round trip (no waiting: an empty queue answers null
 * and the runner goes back to polling). A claim whose answer cannot be delivered is put back.
 */
async function claimNext(
  asker: { runner: RunnerIdentity; signal?: AbortSignal },
  busyNpus: readonly number[],
): Promise<JobPayload | null> {
  const next = await tryClaimJob(asker.runner, busyNpus);
  if (next && asker.signal?.aborted) {
    if (await releaseUndeliveredClaim(next.id, next.attempt)) notifyQueueChanged();
    return null;
  }
  return next;
}

/**
 * Records the outcome (idempotent per attempt). 412 when the server has less log than the runner
 * sent. With `next` in the body and the runner given, also claims the runner's next job.
 */
export async function finishJob(
  job: JobRunView,
  body: unknown,
  asker?: { runner: RunnerIdentity; signal?: AbortSignal },
): Promise<FinishResult> {
  const input = finishRequestSchema.parse(body);
  const outcome = await finishJobAttempt({
    jobId: job.id,
    attempt: input.attempt,
    outcome: input.outcome,
    exitCode: input.exitCode ?? null,
    reason: input.reason ?? null,
    logSize: input.logSize,
    now: new Date(),
    retryableKinds: retryableJobKinds,
    hooklessKinds: hooklessJobKinds,
    writeLog: writeJobLog,
  });
  switch (outcome.status) {
    case "superseded":
      throw new AppError(
        "conflict",
        "This attempt is no longer current (the job was requeued); drop it.",
      );
    case "log_incomplete":
      return { status: 412, body: { size: outcome.logSize } };
    case "finished":
      notifyJobChanged(job.id);
      if (outcome.state === "queued") notifyQueueChanged();
      else if (!hooklessJobKinds.includes(job.kind)) runOwedJobHooksSoon();
      return {
        status: 200,
        body: {
          state: outcome.state,
          logSize: outcome.logSize,
          ...(input.next && asker
            ? { next: await claimNext(asker, input.next.busyNpus ?? []) }
            : {}),
        },
      };
  }
}
