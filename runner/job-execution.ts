import fs from "node:fs/promises";
import path from "node:path";

import type { JobOutcome, JobPayload } from "../lib/jobs/protocol";
import type { CommandRunner } from "./command-runner";
import type { Executor, JobDirs, ServiceSupport } from "./executors/types";
import { makeJobDirs } from "./job-dirs";
import { JobLog } from "./job-log";
import { handBackJob, reportEndpoint, reportOutcome } from "./job-report";
import { runSteps } from "./job-steps";
import type { NpuAllocator } from "./npu-allocator";
import { HttpError, type ProtocolClient } from "./protocol-client";
import { createServiceSupport } from "./service-support";

/** Why a job was stopped before its steps finished. */
type StopReason = "cancel" | "timeout" | "shutdown" | "lost";

export type JobRunOptions = {
  client: ProtocolClient;
  executor: Executor;
  run: CommandRunner;
  allocator: NpuAllocator;
  runnerName: string;
  /** This runner's own dir for job temp dirs (default: the OS temp dir). */
  workRoot?: string;
  killGraceMs?: number;
  logIntervalMs?: number;
  /** Lease renewal interval, and so how soon a user's cancel arrives. Default 5 s (≤ a quarter lease). */
  heartbeatMs?: number;
  /** Host ports and address for service steps; shared by the runner's jobs (default: the defaults). */
  services?: ServiceSupport;
  log?: (message: string) => void;
  /**
   * Whether the slot this job frees should take the next job right away: then the outcome report
   * asks the server for it (`next` in the finish round trip) and `done` carries it.
   */
  wantsNext?: () => boolean;
};

type JobResult = {
  outcome: JobOutcome | "lost";
  exitCode: number | null;
  /** The job the server handed this slot with the outcome report; the caller must run or hand it back. */
  next?: JobPayload;
};

export type RunningJob = {
  id: number;
  /** Stops the job (idempotent; the first reason wins). */
  stop(reason: StopReason): void;
  done: Promise<JobResult>;
};

const outcomeOfStop: Record<StopReason, JobOutcome | "lost"> = {
  cancel: "cancelled",
  timeout: "timed_out",
  shutdown: "handed_back",
  lost: "lost",
};

/**
 * Runs one claimed job from start to end: reserves its NPUs, makes a fresh temp dir, heartbeats,
 * runs the steps with the executor while streaming output to the log, stops on cancel / timeout /
 * shutdown, flushes the log, reports the outcome (retrying while the server is down), and always
 * frees the NPUs and deletes the dir — whatever happened.
 */
export function startJob(job: JobPayload, options: JobRunOptions): RunningJob {
  const controller = new AbortController();
  let stopReason: StopReason | null = null;
  const stop = (reason: StopReason) => {
    if (stopReason) return;
    stopReason = reason;
    controller.abort();
  };
  const done = execute(job, options, controller.signal, () => stopReason, stop);
  return { id: job.id, stop, done };
}

async function execute(
  job: JobPayload,
  options: JobRunOptions,
  signal: AbortSignal,
  stopReason: () => StopReason | null,
  stop: (reason: StopReason) => void,
): Promise<JobResult> {
  const say = options.log ?? (() => {});
  try {
    options.allocator.reserve(job.id, job.npuDevices);
  } catch (error) {
    const reason = `NPU allocation failed on runner ${options.runnerName}: ${(error as Error).message}`;
    say(`job ${job.id}: ${reason}`);
    await handBackJob(options.client, job, reason);
    return { outcome: "handed_back", exitCode: null };
  }
  let dirs: JobDirs | null = null;
  let log: JobLog | null = null;
  const timers: NodeJS.Timeout[] = [];
  try {
    dirs = await makeJobDirs(options.workRoot, job.id);
    log = new JobLog(path.join(dirs.root, "job.log"), {
      baseOffset: job.logOffset,
      upload: (start, bytes) => options.client.appendLog(job, start, bytes),
      intervalMs: options.logIntervalMs,
    });
    log.onCancel = () => stop("cancel");
    log.start();
    await options.executor.prepareDirs?.(dirs);
    timers.push(setTimeout(() => stop("timeout"), job.timeoutSeconds * 1000));
    const beat = async () => {
      try {
        const answer = await options.client.jobHeartbeat(job);
        if (!answer.cancel) return;
        stop(
          answer.reason === "cancelled"
            ? "cancel"
            : answer.reason === "timed_out"
              ? "timeout"
              : "lost",
        );
      } catch (error) {
        if (error instanceof HttpError && error.isFinal) stop("lost");
      }
    };
    const beatMs = Math.min(options.heartbeatMs ?? 5_000, (job.leaseSeconds * 1000) / 4);
    timers.push(setInterval(() => void beat(), beatMs));

    const npus = job.npuDevices.length ? `, NPUs ${job.npuDevices.join(",")}` : "";
    log.write(
      `[strata] job ${job.id} (${job.kind}) attempt ${job.attempt} on runner ${options.runnerName} (${options.executor.name} executor${npus})\n`,
    );
    const jobLog = log; // the endpoint report below writes to it from a callback
    const { exitCode, failure } = await runSteps({
      job,
      executor: options.executor,
      run: options.run,
      dirs,
      log,
      signal,
      killGraceMs: options.killGraceMs ?? 10_000,
      services: options.services ?? createServiceSupport(),
      reportEndpoint: (url) => reportEndpoint(options.client, job, jobLog, url, signal),
    });

    const stopped = stopReason();
    const outcome = stopped ? outcomeOfStop[stopped] : failure ? "failed" : "succeeded";
    if (outcome === "lost") {
      say(`job ${job.id}: the server no longer knows this attempt; dropped it`);
      return { outcome, exitCode };
    }
    const messages: Partial<Record<JobOutcome, string>> = {
      cancelled: "Cancelled.",
      timed_out: `Timed out after ${job.timeoutSeconds} s.`,
      handed_back: `Runner ${options.runnerName} shut down before the job finished.`,
    };
    const reason = failure ?? messages[outcome] ?? null;
    log.write(`[strata] ${outcome.replace("_", " ")}${reason ? `: ${reason}` : ""}\n`);
    const body = {
      attempt: job.attempt,
      outcome,
      exitCode: outcome === "succeeded" ? 0 : exitCode,
      reason,
      ...(outcome !== "handed_back" && options.wantsNext?.()
        ? { next: { busyNpus: options.allocator.busyWithout(job.id) } }
        : {}),
    };
    const answer = await reportOutcome(options.client, job, log, body);
    if (!answer) {
      say(`job ${job.id}: could not report the outcome; the server's reaper will settle it`);
    }
    return { outcome, exitCode, ...(answer?.next ? { next: answer.next } : {}) };
  } catch (error) {
    say(`job ${job.id}: ${(error as Error).message}`);
    const reason = `The runner failed: ${(error as Error).message}`;
    if (log)
      await reportOutcome(options.client, job, log, {
        attempt: job.attempt,
        outcome: "failed",
        exitCode: null,
        reason,
      });
    return { outcome: "failed", exitCode: null };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    log?.close();
    options.allocator.release(job.id);
    if (dirs) {
      await options.executor.releaseDirs?.(dirs).catch(() => {});
      await fs.rm(dirs.root, { recursive: true, force: true }).catch(() => {});
    }
  }
}
