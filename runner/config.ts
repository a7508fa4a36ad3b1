import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Labels, RunnerBuilder, RunnerExecutor } from "../lib/jobs/protocol";
import { buildersOf } from "./builders/detect";
import { parsePortRange } from "./service-ports";
import { parseShellLimits } from "./shell-limits";

/** What `register` writes and `run` reads. Holds the runner token: the file is mode 0600. */
export type RunnerConfig = {
  url: string;
  id: number;
  name: string;
  token: string;
  labels: Labels;
  executor: RunnerExecutor;
  /** What builds images (default: docker for a docker runner, none for a shell runner). */
  builder?: RunnerBuilder;
  concurrency: number;
  npu: { chip: string | null; devices: number[] };
  /** Parent dir of job temp dirs (default: the OS temp dir). */
  workDir?: string;
  /** How long a SIGTERM waits for running jobs before handing them back. */
  shutdownGraceSeconds: number;
  pollSeconds: number;
  /** The address other hosts (the server's Space proxy) reach this runner's services by (default 127.0.0.1). */
  advertiseHost?: string;
  /** Host ports handed to service steps, one per running service (default "20000-20999"). */
  servicePorts?: string;
  /** How long a service step may take to answer before it fails (default 600). */
  serviceReadySeconds?: number;
  /** Shell executor settings (see runner/README.md). */
  shell?: {
    /**
     * Whose group jobs run with when the runner is root (each job under a uid of its own, see
     * `uidBase`): a user name, or "none" to keep jobs on the runner's own account.
     */
    user?: string;
    /** The first of the uids concurrent shell jobs run as (`uidBase + slot`); see `runnerUidBase`. */
    uidBase?: number;
    /** Overrides of the default resource limits (`ShellLimits`). */
    limits?: Record<string, number | null>;
  };
};

export function defaultConfigPath(): string {
  return path.join(os.homedir(), ".strata-runner.json");
}

export class ConfigFileError extends Error {
  override name = "ConfigFileError";
}

export function readRunnerConfig(file: string): RunnerConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ConfigFileError(
        `No runner config at ${file}. Run \`npm run runner -- register …\` first.`,
      );
    }
    throw error;
  }
  let config: Partial<RunnerConfig>;
  try {
    config = JSON.parse(raw) as Partial<RunnerConfig>;
  } catch {
    throw new ConfigFileError(
      `The runner config ${file} is not valid JSON; fix it or register again.`,
    );
  }
  for (const key of [
    "url",
    "id",
    "name",
    "token",
    "labels",
    "executor",
    "concurrency",
    "npu",
  ] as const) {
    if (config[key] === undefined)
      throw new ConfigFileError(`The runner config ${file} lacks "${key}"; register again.`);
  }
  if (
    config.shell?.user !== undefined &&
    (typeof config.shell.user !== "string" || !config.shell.user)
  ) {
    throw new ConfigFileError(`The runner config ${file}: shell.user is a user name or "none".`);
  }
  const uidBase = config.shell?.uidBase;
  if (
    uidBase !== undefined &&
    (!Number.isInteger(uidBase) ||
      uidBase < 1000 ||
      uidBase + (config.concurrency ?? 1) > 2 ** 31 - 2)
  ) {
    throw new ConfigFileError(
      `The runner config ${file}: shell.uidBase is a whole number from 1000, e.g. 20000.`,
    );
  }
  if (
    config.advertiseHost !== undefined &&
    (typeof config.advertiseHost !== "string" ||
      !/^[A-Za-z0-9.:-]{1,253}$/.test(config.advertiseHost))
  ) {
    throw new ConfigFileError(
      `The runner config ${file}: advertiseHost is a host name or IP address, e.g. 10.0.0.5.`,
    );
  }
  const executor = config.executor as RunnerExecutor;
  if (config.builder !== undefined && !buildersOf[executor]?.includes(config.builder)) {
    throw new ConfigFileError(
      `The runner config ${file}: builder is ${buildersOf[executor]?.join(" or ")} with the ${executor} executor.`,
    );
  }
  const readySeconds = config.serviceReadySeconds;
  if (readySeconds !== undefined && !(Number.isInteger(readySeconds) && readySeconds > 0)) {
    throw new ConfigFileError(
      `The runner config ${file}: serviceReadySeconds is a whole number of seconds.`,
    );
  }
  try {
    parseShellLimits(config.shell?.limits);
    if (config.servicePorts !== undefined) parsePortRange(String(config.servicePorts));
  } catch (error) {
    throw new ConfigFileError(`The runner config ${file}: ${(error as Error).message}`);
  }
  return { shutdownGraceSeconds: 30, pollSeconds: 30, ...config } as RunnerConfig;
}

/** The runner's builder: as configured, else what its executor always has. */
export function builderOf(config: Pick<RunnerConfig, "builder" | "executor">): RunnerBuilder {
  return config.builder ?? (config.executor === "docker" ? "docker" : "none");
}

/** Writes the config atomically (temp file → rename) and readable by its owner only. */
export function writeRunnerConfig(file: string, config: RunnerConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(temp, 0o600); // the umask cannot widen it, but an existing temp file might be wider
  fs.renameSync(temp, file);
}
