import os from "node:os";
import path from "node:path";

import { builderLabel } from "../lib/runtime/labels";
import { RunnerAgent, type AgentOptions } from "./agent";
import { spawnInProcessGroup } from "./command-runner";
import { builderOf, type RunnerConfig } from "./config";
import { dockerExecutor } from "./executors/docker";
import { createShellExecutor } from "./executors/shell";
import type { JobUser } from "./job-user";
import { ProtocolClient } from "./protocol-client";
import { createServiceSupport } from "./service-support";
import { parseShellLimits } from "./shell-limits";
import { runnerVersion } from "./version";

/**
 * The first per-slot uid of this runner: `shell.uidBase`, else 20000 + 100 × (runner id mod 10000),
 * so that runners of one server sharing a host (the embedded one included) never share a uid —
 * a shared uid would let their jobs read and kill each other. Above 100 slots, set it explicitly.
 */
export function runnerUidBase(config: Pick<RunnerConfig, "id" | "shell">): number {
  return config.shell?.uidBase ?? 20000 + 100 * (config.id % 10000);
}

/** Per runner, so that cleaning up after a crash never touches another runner's jobs. */
export function runnerWorkRoot(config: RunnerConfig): string {
  return path.join(config.workDir ?? os.tmpdir(), `strata-runner-${config.id}`);
}

/**
 * An agent for a registered runner's config; tests and benches override the parts they fake.
 * `jobUser` is whom shell jobs run as (`resolveJobUser`); the runner's own account when absent.
 */
export function createAgent(
  config: RunnerConfig,
  overrides: Partial<AgentOptions> = {},
  jobUser: JobUser | null = null,
): RunnerAgent {
  return new RunnerAgent({
    client: new ProtocolClient(config.url, config.token),
    name: config.name,
    declaration: {
      // Configs written before runners had builders: a docker runner still builds.
      labels:
        builderOf(config) === "none"
          ? config.labels
          : { [builderLabel]: builderOf(config), ...config.labels },
      executor: config.executor,
      capacity: config.concurrency,
      npu: config.npu,
      version: runnerVersion,
      platform: `${process.platform}/${process.arch}`,
    },
    executor:
      config.executor === "docker"
        ? dockerExecutor
        : createShellExecutor({
            user: jobUser,
            uidBase: runnerUidBase(config),
            limits: parseShellLimits(config.shell?.limits),
            builder: builderOf(config),
          }),
    run: spawnInProcessGroup,
    services: createServiceSupport(config),
    pollSeconds: config.pollSeconds,
    workRoot: runnerWorkRoot(config),
    log: (message) => console.log(`[runner ${config.name}] ${message}`),
    ...overrides,
  });
}
