import os from "node:os";
import path from "node:path";

import { RunnerAgent, type AgentOptions } from "./agent";
import { spawnInProcessGroup } from "./command-runner";
import type { RunnerConfig } from "./config";
import { dockerExecutor } from "./executors/docker";
import { createShellExecutor } from "./executors/shell";
import type { JobUser } from "./job-user";
import { ProtocolClient } from "./protocol-client";
import { parseShellLimits } from "./shell-limits";
import { runnerVersion } from "./version";

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
      labels: config.labels,
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
            uidBase: config.shell?.uidBase,
            limits: parseShellLimits(config.shell?.limits),
          }),
    run: spawnInProcessGroup,
    pollSeconds: config.pollSeconds,
    workRoot: runnerWorkRoot(config),
    log: (message) => console.log(`[runner ${config.name}] ${message}`),
    ...overrides,
  });
}
