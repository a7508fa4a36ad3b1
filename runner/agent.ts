import type { JobPayload, RunnerDeclaration } from "../lib/jobs/protocol";
import { backoffDelay, sleep } from "./backoff";
import type { CommandRunner } from "./command-runner";
import type { Executor, ServiceSupport } from "./executors/types";
import { startJob, type RunningJob } from "./job-execution";
import { handBackJob } from "./job-report";
import { killLeftoverJobs } from "./leftovers";
import { NpuAllocator } from "./npu-allocator";
import { HttpError, isTransient, type ProtocolClient } from "./protocol-client";
import { createServiceSupport } from "./service-support";

export type AgentOptions = {
  client: ProtocolClient;
  name: string;
  declaration: RunnerDeclaration;
  executor: Executor;
  run: CommandRunner;
  /** How long a poll waits on the server for a job. */
  pollSeconds?: number;
  heartbeatMs?: number;
  /** How often a running job renews its lease (and learns of a cancel). */
  jobHeartbeatMs?: number;
  /** This runner's own dir for job dirs; what a crashed run left there is cleaned up at start. */
  workRoot?: string;
  killGraceMs?: number;
  logIntervalMs?: number;
  /** One per runner: its jobs' services must not get the same host port. */
  services?: ServiceSupport;
  log?: (message: string) => void;
};

/** The runner was removed or its token is wrong: polling again will not help. */
export class RunnerRejected extends Error {
  override name = "RunnerRejected";
}

/**
 * The runner's main loop: declares itself, then long-polls for jobs while it has free slots
 * (`declaration.capacity`), runs each claimed job concurrently, and keeps its last-seen time fresh
 * while busy. Server trouble is retried with exponential backoff and jitter. `shutdown` stops
 * taking jobs, lets running ones finish within a grace period, then hands the rest back.
 */
export class RunnerAgent {
  readonly allocator: NpuAllocator;
  private readonly services: ServiceSupport;
  private readonly running = new Map<number, RunningJob>();
  private stopping = false;
  private readonly pollAbort = new AbortController();
  private slotFreed: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: AgentOptions) {
    this.allocator = new NpuAllocator(options.declaration.npu.devices);
    this.services = options.services ?? createServiceSupport();
  }

  get runningJobIds(): number[] {
    return [...this.running.keys()];
  }

  private say(message: string): void {
    this.options.log?.(message);
  }

  /** Runs until `shutdown`; rejects with RunnerRejected when the server no longer knows the runner. */
  start(): Promise<void> {
    this.loop ??= this.main();
    return this.loop;
  }

  private async retrying<T>(what: string, call: () => Promise<T>): Promise<T | null> {
    for (let failures = 0; !this.stopping;) {
      try {
        return await call();
      } catch (error) {
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
          throw new RunnerRejected(
            `The server rejected this runner (${error.message}). Register it again.`,
          );
        }
        if (!isTransient(error)) throw error;
        if (this.stopping) break;
        const delay = backoffDelay(++failures);
        this.say(
          `${what} failed (${(error as Error).message}); retrying in ${Math.round(delay / 1000)} s`,
        );
        await sleep(delay, this.pollAbort.signal);
      }
    }
    return null;
  }

  private async main(): Promise<void> {
    const { client, declaration } = this.options;
    if (this.options.workRoot) killLeftoverJobs(this.options.workRoot, (m) => this.say(m));
    const hello = await this.retrying("Connecting to the server", () =>
      client.heartbeat(declaration),
    );
    if (!hello) return;
    this.say(
      `runner ${hello.name} (#${hello.id}) ready: ${declaration.capacity} slot(s), ${this.options.executor.name} executor`,
    );
    const beat = setInterval(() => {
      client.heartbeat().catch(() => {});
    }, this.options.heartbeatMs ?? 20_000);
    beat.unref();
    try {
      while (!this.stopping) {
        if (this.running.size >= declaration.capacity) {
          await new Promise<void>((resolve) => (this.slotFreed = resolve));
          continue;
        }
        const job = await this.retrying("Polling for jobs", () =>
          client.requestJob(
            { busyNpus: this.allocator.busy(), waitSeconds: this.options.pollSeconds ?? 30 },
            this.pollAbort.signal,
          ),
        ).catch((error: unknown) => {
          if (this.stopping && !(error instanceof RunnerRejected)) return null;
          throw error;
        });
        if (job) this.launch(job);
      }
    } finally {
      clearInterval(beat);
    }
  }

  private launch(job: JobPayload): void {
    this.say(`job ${job.id}: started (${job.kind}, attempt ${job.attempt})`);
    const running = startJob(job, {
      client: this.options.client,
      executor: this.options.executor,
      run: this.options.run,
      allocator: this.allocator,
      runnerName: this.options.name,
      workRoot: this.options.workRoot,
      killGraceMs: this.options.killGraceMs,
      logIntervalMs: this.options.logIntervalMs,
      heartbeatMs: this.options.jobHeartbeatMs,
      services: this.services,
      log: this.options.log,
      wantsNext: () => !this.stopping,
    });
    this.running.set(job.id, running);
    if (this.stopping) running.stop("shutdown");
    void running.done.then((result) => {
      this.say(`job ${job.id}: ${result.outcome}`);
      this.running.delete(job.id);
      // The server handed this slot its next job with the outcome: run it without polling first.
      if (result.next) {
        if (this.stopping)
          void handBackJob(this.options.client, result.next, "The runner is shutting down.");
        else this.launch(result.next);
      }
      this.slotFreed?.();
      this.slotFreed = null;
    });
  }

  /** Stops a running job of this runner (tests and signal handling). */
  stopJob(jobId: number, reason: Parameters<RunningJob["stop"]>[0]): void {
    this.running.get(jobId)?.stop(reason);
  }

  /**
   * Stops polling; waits up to `graceMs` for running jobs to finish, then stops the rest, which
   * report themselves handed back (the server requeues those it may).
   */
  async shutdown(graceMs: number, hurry?: AbortSignal): Promise<void> {
    this.stopping = true;
    this.pollAbort.abort();
    this.slotFreed?.();
    // The loop ends at once; a job whose answer was already on its way is launched and handed back.
    await this.loop?.catch(() => {});
    const all = () => Promise.all([...this.running.values()].map((j) => j.done));
    if (this.running.size) {
      this.say(
        `shutting down: waiting up to ${Math.round(graceMs / 1000)} s for ${this.running.size} job(s)`,
      );
      await Promise.race([all(), sleep(graceMs, hurry)]);
      for (const job of this.running.values()) job.stop("shutdown");
      await all();
    }
  }
}
