import type { JobPayload, JobStep } from "../../lib/jobs/protocol";
import type { CommandRunner } from "../command-runner";
import type { ServicePorts } from "../service-ports";

/** Where a job lives on the runner's disk; removed when the job ends. */
export type JobDirs = {
  /** The job's private dir (not visible to the job in docker): scripts, docker config. */
  root: string;
  /** The work dir: the shell job's cwd, mounted at /workspace in docker. */
  work: string;
  scripts: string;
  home: string;
  tmp: string;
};

export type StepContext = {
  job: JobPayload;
  step: JobStep;
  index: number;
  dirs: JobDirs;
  /** The job's variables (spec env + STRATA_*), without the runner's own environment. */
  env: Record<string, string>;
  output: (chunk: Buffer | string) => void;
  /** Aborted on cancel, timeout or shutdown: the step must stop its processes. */
  signal: AbortSignal;
  run: CommandRunner;
  killGraceMs: number;
  services: ServiceSupport;
  /** Tells the server where the job's service answers (retries while it is unreachable; never throws). */
  reportEndpoint: (url: string) => Promise<void>;
};

/** What service steps need from the runner (its config `advertiseHost` and `servicePorts`). */
export type ServiceSupport = {
  /** The address others reach this host by; endpoints are `http://<advertiseHost>:<host port>`. */
  advertiseHost: string;
  /** Shared by all jobs of the runner, so no two services get the same host port. */
  ports: ServicePorts;
  /** How long a service may take to answer before its step fails. */
  readyTimeoutMs: number;
};

export type StepResult = { exitCode: number | null; signal: NodeJS.Signals | null };

export type Executor = {
  name: "shell" | "docker";
  /** Called once with the job's fresh dirs, before the first step (e.g. to hand them to another user). */
  prepareDirs?(dirs: JobDirs): Promise<void>;
  runStep(context: StepContext): Promise<StepResult>;
  /** Called once after the last step, before the runner deletes the dirs. */
  releaseDirs?(dirs: JobDirs): Promise<void>;
};

/** An error the job's log should show as the reason it failed (bad step for this executor, …). */
export class StepError extends Error {
  override name = "StepError";
}
