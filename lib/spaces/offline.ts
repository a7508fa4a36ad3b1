import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";
import { spaceAppPort } from "@/lib/hub/repos/space-templates";
import { registryHost } from "@/lib/images/stack/pull-commands";
import { shellWord } from "@/lib/jobs/register-command";
import { ascendDockerFlags } from "@/lib/runtime/ascend";

import { loadSpaceRuntime, type SpaceRuntime } from "./runtime";

export type OfflineCommands = {
  image: string;
  digest: string | null;
  size: number | null;
  commit: string;
  /** `docker login <host>` when the Space is private (its image is as private as it). */
  login: string | null;
  pull: string;
  /** With `-e NAME=value` for each variable and `-e NAME` for each secret. */
  run: string;
  /** Secrets `run` passes by name only: set each in the shell first (their values are not shown). */
  secretNames: string[];
  /** Where the app answers once `run` has started it. */
  open: string;
};

/**
 * "Offline experience": the commands that pull a Space's last built image and run it on one's own
 * machine, with the Ascend devices and driver mounts for an NPU Space; null while it has no image.
 */
export function offlineCommandsOf(runtime: SpaceRuntime): OfflineCommands | null {
  const { image, builtCommit } = runtime.build;
  if (!image || !builtCommit) return null;
  const npu = runtime.hardware.requested === "npu-basic";
  const { variables, secretNames } = runtime.env;
  const run = [
    "docker run -it --rm",
    `-p ${spaceAppPort}:${spaceAppPort}`,
    ...(npu ? ascendDockerFlags([0]) : []),
    ...Object.keys(variables)
      .sort()
      .map((name) => `-e ${shellWord(`${name}=${variables[name]}`)}`),
    // `-e NAME` takes the value from the user's own shell: a secret's value is never shown.
    ...secretNames.map((name) => `-e ${name}`),
    image,
  ].join(" ");
  return {
    image,
    digest: runtime.build.digest,
    size: runtime.build.size,
    commit: builtCommit,
    login: runtime.private ? `docker login ${registryHost(getConfig().publicUrl)}` : null,
    pull: `docker pull ${image}`,
    run,
    secretNames,
    open: `http://localhost:${spaceAppPort}`,
  };
}

/** The same for scripts: 404 for whoever cannot read the Space, and while it has no image. */
export async function offlineCommands(
  caller: Caller | null,
  address: RepoRef,
): Promise<OfflineCommands> {
  const commands = offlineCommandsOf(await loadSpaceRuntime(caller, address));
  if (!commands) throw new AppError("not_found", "This Space has no built image yet.");
  return commands;
}
