import net from "node:net";
import { describe, expect, it } from "vitest";

import type { JobStep } from "@/lib/jobs/protocol";
import { FakeClient, payload } from "@/test/jobs/fake-client";

import { spawnInProcessGroup } from "../command-runner";
import { startJob } from "../job-execution";
import { NpuAllocator } from "../npu-allocator";
import { ServicePorts } from "../service-ports";
import { createServiceSupport } from "../service-support";
import { shellExecutor } from "./shell";

function runService(step: Omit<Extract<JobStep, { type: "service" }>, "type">, readyMs = 5_000) {
  const client = new FakeClient();
  const services = createServiceSupport({ servicePorts: "21710-21719" });
  services.readyTimeoutMs = readyMs;
  const running = startJob(payload({ spec: { steps: [{ type: "service", ...step }] } }), {
    client: client.asClient(),
    executor: shellExecutor,
    allocator: new NpuAllocator([]),
    runnerName: "r",
    run: spawnInProcessGroup,
    killGraceMs: 1_000,
    services,
  });
  return { client, running };
}

describe("a service step on the shell executor", () => {
  it("ends with the process's exit code when it exits, reporting no endpoint", async () => {
    const { client, running } = runService({ script: "echo starting; exit 3", port: 8080 });
    expect(await running.done).toEqual({ outcome: "failed", exitCode: 3 });
    expect(client.finished[0]?.reason).toBe("Step 1 exited with code 3.");
    expect(client.endpoints).toEqual([]);
  });

  it("is stopped and fails when it never gets ready", async () => {
    const started = Date.now();
    const { client, running } = runService(
      { script: "echo $PORT > port; exec sleep 300", port: 8080, readyPath: "/health" },
      300,
    );
    expect((await running.done).outcome).toBe("failed");
    expect(client.finished[0]?.reason).toMatch(
      /^The service did not answer GET \/health within 1 s \(host port 2171\d\); it was stopped\.$/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(client.endpoints).toEqual([]);
  });
});

describe("service host ports", () => {
  it("hands each service its own port and skips ports something else listens on", async () => {
    const busy = net.createServer().listen(21720, "127.0.0.1");
    await new Promise((r) => busy.once("listening", r));
    try {
      const ports = new ServicePorts({ first: 21720, last: 21722 });
      const a = await ports.acquire();
      const b = await ports.acquire();
      expect([a, b]).toEqual([21721, 21722]);
      await expect(ports.acquire()).rejects.toThrow("no free port in 21720-21722");
      ports.release(a);
      expect(await ports.acquire()).toBe(a);
    } finally {
      busy.close();
    }
  });
});
