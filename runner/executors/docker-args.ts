// Pure functions that build docker command lines; the executor runs them, tests assert them exactly.
import { ascendDeviceArgs } from "../../lib/runtime/ascend";

export type DockerRunInput = {
  image: string;
  containerName: string;
  /** Host dir mounted read-write at /workspace (the container's cwd). */
  workDir: string;
  /** Host dir with the step scripts, mounted read-only at /strata. */
  scriptDir: string;
  /** null: the image's own entrypoint and command, in its own working dir (no work dir mounted). */
  scriptName: string | null;
  npuDevices: readonly number[];
  /**
   * Variables to pass in. Only their names go on the command line (`-e NAME`); docker takes the
   * values from its own environment, so secrets such as the job token never show up in `ps`.
   */
  envNames: readonly string[];
  /** A service step's port, published on the host: `-p <hostPort>:<port>`. */
  publish?: { hostPort: number; port: number };
  /** Memory and CPU caps, and a read-only root filesystem (with a private, size-capped /tmp). */
  limits?: { memoryMb?: number; cpus?: number; readOnly?: boolean };
};

/**
 * `docker run` of a script or service step: removed afterwards, an init to reap zombies, named for
 * `docker stop`.
 */
export function dockerRunArgs(input: DockerRunInput): string[] {
  // prettier-ignore
  return [
    "run", "--rm", "--init",
    "--name", input.containerName,
    ...ascendDeviceArgs(input.npuDevices),
    ...(input.limits?.memoryMb ? ["--memory", `${input.limits.memoryMb}m`] : []),
    ...(input.limits?.cpus ? ["--cpus", String(input.limits.cpus)] : []),
    ...(input.limits?.readOnly
      ? ["--read-only", "--tmpfs", "/tmp:rw,nosuid,nodev,size=1g"]
      : []),
    ...(input.publish ? ["-p", `${input.publish.hostPort}:${input.publish.port}`] : []),
    ...(input.scriptName === null ? [] : [
      "-v", `${input.workDir}:/workspace`,
      "-w", "/workspace",
      "-v", `${input.scriptDir}:/strata:ro`,
    ]),
    ...input.envNames.flatMap((name) => ["-e", name]),
    input.image,
    ...(input.scriptName === null ? [] : ["bash", "-eo", "pipefail", `/strata/${input.scriptName}`]),
  ];
}

/**
 * `docker build`, with `--build-arg NAME=value` for each build arg (a Space's variables, which are
 * public: never a secret, since a value on the command line shows up in `ps`).
 */
export function dockerBuildArgs(input: {
  tag: string;
  dockerfile: string;
  context: string;
  buildArgs?: Record<string, string>;
  noCache?: boolean;
}): string[] {
  const buildArgs = Object.entries(input.buildArgs ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([name, value]) => ["--build-arg", `${name}=${value}`]);
  return [
    "build",
    ...(input.noCache ? ["--no-cache"] : []),
    "--tag",
    input.tag,
    "--file",
    input.dockerfile,
    ...buildArgs,
    input.context,
  ];
}

export function dockerPushArgs(tag: string): string[] {
  return ["push", tag];
}

/** The username that goes with a job token; the registry identifies the job by the token. */
export const jobRegistryUser = "strata-job";

/** `docker login` with the password on stdin (never on the command line). */
export function dockerLoginArgs(registry: string, username: string): string[] {
  return ["login", registry, "--username", username, "--password-stdin"];
}

export function dockerStopArgs(containerName: string, graceSeconds: number): string[] {
  return ["stop", "--time", String(graceSeconds), containerName];
}

/** The registry host of an image reference, as docker decides it (`docker.io` when none is given). */
export function registryOf(image: string): string {
  const first = image.split("/")[0] ?? "";
  const isHost =
    image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  return isHost ? first : "docker.io";
}
