import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { FinishRequest, JobOutcome, JobPayload } from "../lib/jobs/protocol";
import { backoffDelay, sleep } from "./backoff";
import type { CommandRunner } from "./command-runner";
import { StepError, type Executor, type JobDirs } from "./executors/types";
import { jobEnv } from "./job-env";
import { JobLog } from "./job-log";
import { recordProcessGroup } from "./leftovers";
import type { NpuAllocator } from "./npu-allocator";
import { HttpError, isTransient, type ProtocolClient } from "./protocol-client";

/** Why a job was stopped before its steps finished. */
export type StopReason = "cancel" | "timeout" | "shutdown" | "lost";

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
  /** Lease renewal interval; also how quickly a user's cancel arrives. Default 5 s (at most a quarter lease). */
  heartbeatMs?: number;
  log?: (message: string) => void;
};

export type RunningJob = {
  id: number;
  /** Stops the job (idempotent; the first reason wins). */
  stop(reason: StopReason): void;
  done: Promise<{ outcome: JobOutcome | "lost"; exitCode: number | null }>;
};

async function makeDirs(root: string | undefined, job: JobPayload): Promise<JobDirs> {
  await fs.mkdir(root ?? os.tmpdir(), { recursive: true });
  const base = await fs.mkdtemp(path.join(root ?? os.tmpdir(), `job-${job.id}-`));
  const dirs = {
    root: base,
    work: path.join(base, "work"),
    scripts: path.join(base, "scripts"),
    home: path.join(base, "home"),
    tmp: path.join(base, "tmp"),
  };
  for (const dir of [dirs.work, dirs.scripts, dirs.home, dirs.tmp])
    await fs.mkdir(dir, { mode: 0o700 });
  return dirs;
}

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
): Promise<{ outcome: JobOutcome | "lost"; exitCode: number | null }> {
  const say = options.log ?? (() => {});
  let dirs: JobDirs | null = null;
  let log: JobLog | null = null;
  const timers: NodeJS.Timeout[] = [];
  try {
    options.allocator.reserve(job.id, job.npuDevices);
  } catch (error) {
    return handBack(
      job,
      options,
      `NPU allocation failed on runner ${options.runnerName}: ${(error as Error).message}`,
    );
  }
  try {
    dirs = await makeDirs(options.workRoot, job);
    log = new JobLog(path.join(dirs.root, "job.log"), {
      baseOffset: job.logOffset,
      upload: (start, bytes) => options.client.appendLog(job, start, bytes),
      intervalMs: options.logIntervalMs,
    });
    log.onCancel = () => stop("cancel");
    log.start();
    timers.push(setTimeout(() => stop("timeout"), job.timeoutSeconds * 1000));
    const beat = async () => {
      try {
        const answer = await options.client.jobHeartbeat(job);
        if (answer.cancel)
          stop(
            answer.state === "running"
              ? "cancel"
              : answer.state === "timed_out"
                ? "timeout"
                : "lost",
          );
      } catch (error) {
        if (error instanceof HttpError && error.isFinal) stop("lost");
      }
    };
    timers.push(
      setInterval(
        () => void beat(),
        Math.min(options.heartbeatMs ?? 5_000, (job.leaseSeconds * 1000) / 4),
      ),
    );

    const npus = job.npuDevices.length ? `, NPUs ${job.npuDevices.join(",")}` : "";
    log.write(
      `[strata] job ${job.id} (${job.kind}) attempt ${job.attempt} on runner ${options.runnerName} (${options.executor.name} executor${npus})\n`,
    );
    let exitCode: number | null = 0;
    let failure: string | null = null;
    const env = jobEnv(job);
    for (const [index, step] of job.spec.steps.entries()) {
      if (signal.aborted) break;
      log.write(`[strata] step ${index + 1}/${job.spec.steps.length}: ${step.name ?? step.type}\n`);
      try {
        const jobRoot = dirs.root;
        const run: CommandRunner = (command) =>
          options.run({ ...command, onSpawn: (pgid) => recordProcessGroup(jobRoot, job.id, pgid) });
        const result = await options.executor.runStep({
          job,
          step,
          index,
          dirs,
          env,
          output: (chunk) => log!.write(chunk),
          signal,
          run,
          killGraceMs: options.killGraceMs ?? 10_000,
        });
        exitCode = result.exitCode;
        if (result.exitCode !== 0 && !signal.aborted) {
          failure = result.signal
            ? `Step ${index + 1} was killed by ${result.signal}.`
            : `Step ${index + 1} exited with code ${result.exitCode}.`;
        }
      } catch (error) {
        exitCode = null;
        failure =
          error instanceof StepError
            ? error.message
            : `Step ${index + 1} could not start: ${(error as Error).message}`;
      }
      if (failure) break;
    }

    const reason = stopReason();
    const outcome: JobOutcome | "lost" =
      reason === "cancel"
        ? "cancelled"
        : reason === "timeout"
          ? "timed_out"
          : reason === "shutdown"
            ? "handed_back"
            : reason === "lost"
              ? "lost"
              : failure
                ? "failed"
                : "succeeded";
    const messages: Record<string, string> = {
      cancelled: "Cancelled.",
      timed_out: `Timed out after ${job.timeoutSeconds} s.`,
      handed_back: `Runner ${options.runnerName} shut down before the job finished.`,
    };
    const finalReason = failure ?? messages[outcome] ?? null;
    if (outcome === "lost") {
      say(`job ${job.id}: the server no longer knows this attempt; dropped it`);
      return { outcome, exitCode };
    }
    log.write(`[strata] ${outcome.replace("_", " ")}${finalReason ? `: ${finalReason}` : ""}\n`);
    await report(job, options, log, {
      attempt: job.attempt,
      outcome,
      exitCode: outcome === "succeeded" ? 0 : exitCode,
      reason: finalReason,
    });
    return { outcome, exitCode };
  } catch (error) {
    say(`job ${job.id}: ${(error as Error).message}`);
    if (log)
      await report(job, options, log, {
        attempt: job.attempt,
        outcome: "failed",
        exitCode: null,
        reason: `The runner failed: ${(error as Error).message}`,
      });
    return { outcome: "failed", exitCode: null };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    log?.close();
    options.allocator.release(job.id);
    if (dirs) await fs.rm(dirs.root, { recursive: true, force: true }).catch(() => {});
  }
}

/** Flushes the log, then sends the outcome, retrying with backoff while the server is unreachable. */
async function report(
  job: JobPayload,
  options: JobRunOptions,
  log: JobLog,
  body: Omit<FinishRequest, "logSize">,
): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (let failures = 0; Date.now() < deadline;) {
    await log.flush(deadline);
    try {
      const answer = await options.client.finish(job, { ...body, logSize: log.serverSize });
      if (!("missingFrom" in answer)) return;
      log.rewindTo(answer.missingFrom);
    } catch (error) {
      if (!isTransient(error)) return; // requeued or removed: nothing to report to
      await sleep(backoffDelay(++failures, { baseMs: 1_000, maxMs: 60_000 }));
    }
  }
  options.log?.(
    `job ${job.id}: could not report the outcome; the server will treat the runner as lost`,
  );
}

/** Gives a job back without running it (the server requeues it if its kind allows). */
async function handBack(job: JobPayload, options: JobRunOptions, reason: string) {
  options.log?.(`job ${job.id}: ${reason}`);
  await options.client
    .finish(job, { attempt: job.attempt, outcome: "handed_back", exitCode: null, reason })
    .catch(() => {});
  return { outcome: "handed_back" as const, exitCode: null };
}
