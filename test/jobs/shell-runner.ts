// A real runner agent (shell executor, one uid per job slot) against a test server, for tests and
// benches that run jobs for real. Needs root, as slot users do.
import type { RunnerBuilder } from "@/lib/jobs/protocol";
import { createAgent } from "@/runner/create-agent";

import { makeRunner } from "./fixtures";

export async function startShellRunner(input: {
  url: string;
  /** Parent of the job dirs; must be passable (0711) by the slot uids. */
  workDir: string;
  builder?: RunnerBuilder;
  concurrency?: number;
  uidBase: number;
  /** Labels besides executor, hardware and builder (e.g. `arch=amd64`). */
  labels?: Record<string, string>;
}): Promise<{ stop: () => Promise<void> }> {
  const builder = input.builder ?? "none";
  const labels = {
    executor: "shell",
    hardware: "cpu",
    ...(builder === "none" ? {} : { builder }),
    ...input.labels,
  };
  const runner = await makeRunner({ labels });
  const agent = createAgent(
    {
      ...runner,
      url: input.url,
      labels,
      executor: "shell",
      builder,
      concurrency: input.concurrency ?? 1,
      npu: { chip: null, devices: [] },
      shutdownGraceSeconds: 5,
      pollSeconds: 2,
      workDir: input.workDir,
      shell: { uidBase: input.uidBase },
    },
    { log: () => {}, logIntervalMs: 100, killGraceMs: 1_000, jobHeartbeatMs: 300 },
    { name: "nobody", uid: 65534, gid: 65534 },
  );
  void agent.start();
  return { stop: () => agent.shutdown(1_000) };
}
