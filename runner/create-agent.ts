import os from "node:os";
import path from "node:path";

import { RunnerAgent, type AgentOptions } from "./agent";
import { spawnInProcessGroup } from "./command-runner";
import type { RunnerConfig } from "./config";
import { dockerExecutor } from "./executors/docker";
import { shellExecutor } from "./executors/shell";
import { ProtocolClient } from "./protocol-client";
import { runnerVersion } from "./version";

/** An agent for a registered runner's config; tests and benches override the parts they fake. */
export function createAgent(
  config: RunnerConfig,
  overrides: Partial<AgentOptions> = {},
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
    executor: config.executor === "docker" ? dockerExecutor : shellExecutor,
    run: spawnInProcessGroup,
    pollSeconds: config.pollSeconds,
    // Per runner, so that cleaning up after a crash never touches another runner's jobs.
    workRoot: path.join(config.workDir ?? os.tmpdir(), `strata-runner-${config.id}`),
    log: (message) => console.log(`[runner ${config.name}] ${message}`),
    ...overrides,
  });
}
