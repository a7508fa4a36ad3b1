import type { JobPayload } from "../lib/jobs/protocol";
import type { CommandRunner } from "./command-runner";
import {
  StepError,
  type Executor,
  type JobDirs,
  type ServiceSupport,
  type StepContext,
} from "./executors/types";
import { jobEnv } from "./job-env";
import type { JobLog } from "./job-log";
import { recordProcessGroup } from "./leftovers";

export type StepsResult = { exitCode: number | null; failure: string | null };

/** Runs the job's steps in order until one fails or `signal` aborts. */
export async function runSteps(input: {
  job: JobPayload;
  executor: Executor;
  run: CommandRunner;
  dirs: JobDirs;
  log: JobLog;
  signal: AbortSignal;
  killGraceMs: number;
  services: ServiceSupport;
  reportEndpoint: StepContext["reportEndpoint"];
}): Promise<StepsResult> {
  const { job, dirs, log, signal } = input;
  const env = jobEnv(job);
  // Every process group a step starts is noted, so a restarted runner can clean up after a crash.
  const run: CommandRunner = (command) =>
    input.run({ ...command, onSpawn: (pgid) => recordProcessGroup(dirs.root, job.id, pgid) });
  let exitCode: number | null = 0;
  for (const [index, step] of job.spec.steps.entries()) {
    if (signal.aborted) break;
    log.write(`[strata] step ${index + 1}/${job.spec.steps.length}: ${step.name ?? step.type}\n`);
    try {
      const result = await input.executor.runStep({
        job,
        step,
        index,
        dirs,
        env,
        output: (chunk) => log.write(chunk),
        signal,
        run,
        killGraceMs: input.killGraceMs,
        services: input.services,
        reportEndpoint: input.reportEndpoint,
      });
      exitCode = result.exitCode;
      if (result.exitCode !== 0 && !signal.aborted) {
        const failure = result.signal
          ? `Step ${index + 1} was killed by ${result.signal}.`
          : `Step ${index + 1} exited with code ${result.exitCode}.`;
        return { exitCode, failure };
      }
    } catch (error) {
      const failure =
        error instanceof StepError
          ? error.message
          : `Step ${index + 1} could not start: ${(error as Error).message}`;
      return { exitCode: null, failure };
    }
  }
  return { exitCode, failure: null };
}
