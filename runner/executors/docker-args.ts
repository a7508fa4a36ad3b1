// Pure functions that build docker command lines; the executor runs them, tests assert them exactly.

/**
 * The Ascend device and driver flags for a container that gets NPUs `devices` (reference
 * runners.md §9.1, the CANN image quick-start set): one `/dev/davinciN` per allocated chip, the
 * three management devices, and the driver, DCMI, npu-smi and install-info mounts from the host.
 */
export function ascendDeviceArgs(devices: readonly number[]): string[] {
  if (devices.length === 0) return [];
  // prettier-ignore
  return [
    ...devices.flatMap((d) => ["--device", `/dev/davinci${d}`]),
    "--device", "/dev/davinci_manager",
    "--device", "/dev/devmm_svm",
    "--device", "/dev/hisi_hdc",
    "-v", "/usr/local/dcmi:/usr/local/dcmi",
    "-v", "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
    "-v", "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
    "-v", "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
    "-v", "/etc/ascend_install.info:/etc/ascend_install.info",
  ];
}

export type DockerRunInput = {
  image: string;
  containerName: string;
  /** Host dir mounted read-write at /workspace (the container's cwd). */
  workDir: string;
  /** Host dir with the step scripts, mounted read-only at /strata. */
  scriptDir: string;
  scriptName: string;
  npuDevices: readonly number[];
  /**
   * Variables to pass in. Only their names go on the command line (`-e NAME`); docker takes the
   * values from its own environment, so secrets such as the job token never show up in `ps`.
   */
  envNames: readonly string[];
};

/** `docker run` of a script step: removed afterwards, an init to reap zombies, named for `docker stop`. */
export function dockerRunArgs(input: DockerRunInput): string[] {
  // prettier-ignore
  return [
    "run", "--rm", "--init",
    "--name", input.containerName,
    ...ascendDeviceArgs(input.npuDevices),
    "-v", `${input.workDir}:/workspace`,
    "-w", "/workspace",
    "-v", `${input.scriptDir}:/strata:ro`,
    ...input.envNames.flatMap((name) => ["-e", name]),
    input.image,
    "bash", "-eo", "pipefail", `/strata/${input.scriptName}`,
  ];
}

export function dockerBuildArgs(input: {
  tag: string;
  dockerfile: string;
  context: string;
}): string[] {
  return ["build", "--tag", input.tag, "--file", input.dockerfile, input.context];
}

export function dockerPushArgs(tag: string): string[] {
  return ["push", tag];
}

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
