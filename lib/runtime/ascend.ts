// Knowledge of Ascend NPU containers that the server (pull and offline-run commands), client
// components and the runner agent (docker executor) all need. Dependency-free on purpose: the
// runner imports it at run time on machines that have no server code.

/** The devices every NPU container needs besides its `davinciN` chips (runners.md §9.1). */
const ascendSharedDevices = ["/dev/davinci_manager", "/dev/devmm_svm", "/dev/hisi_hdc"] as const;

/** Host driver files mounted into NPU containers, as the CANN image quick start mounts them. */
const ascendDriverMounts = [
  "/usr/local/dcmi:/usr/local/dcmi",
  "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
  "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
  "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
  "/etc/ascend_install.info:/etc/ascend_install.info",
] as const;

/**
 * `docker run` arguments (argv form) that give a container the NPU chips `devices`: one
 * `/dev/davinciN` per chip, the three management devices and the driver mounts. None without chips.
 */
export function ascendDeviceArgs(devices: readonly number[]): string[] {
  if (devices.length === 0) return [];
  return [
    ...devices.flatMap((d) => ["--device", `/dev/davinci${d}`]),
    ...ascendSharedDevices.flatMap((d) => ["--device", d]),
    ...ascendDriverMounts.flatMap((m) => ["-v", m]),
  ];
}

/** The same flags as people type them, one `--flag value` per item (default: chip 0). */
export function ascendDockerFlags(devices: readonly number[] = [0]): string[] {
  const args = ascendDeviceArgs(devices);
  const flags: string[] = [];
  for (let i = 0; i < args.length; i += 2) flags.push(`${args[i]} ${args[i + 1]}`);
  return flags;
}
