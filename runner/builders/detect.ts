import { spawnSync } from "node:child_process";

import type { RunnerBuilder, RunnerExecutor } from "../../lib/jobs/protocol";

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/**
 * The builder a runner has when its operator does not say: a docker runner builds with its engine;
 * a shell runner with buildah when it is installed and the runner is root (without root, buildah
 * needs subordinate ids set up for the runner's user: say `--builder buildah` once they are).
 */
export function detectBuilder(
  executor: RunnerExecutor,
  host: { isRoot: boolean; has: (command: string) => boolean } = {
    isRoot: process.getuid?.() === 0,
    has: commandExists,
  },
): RunnerBuilder {
  if (executor === "docker") return "docker";
  return host.isRoot && host.has("buildah") ? "buildah" : "none";
}

/** Which builders each executor can drive. */
export const buildersOf: Record<RunnerExecutor, readonly RunnerBuilder[]> = {
  docker: ["docker", "none"],
  shell: ["buildah", "none"],
};
