import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";
import { findJobEndpoint } from "@/lib/jobs/job-endpoint";
import { readJobLog } from "@/lib/jobs/log-store";
import { notifyJobChanged } from "@/lib/jobs/notifier";
import { createRegistrationToken } from "@/lib/jobs/registration-tokens";
import { setJobSettingsForTests } from "@/lib/jobs/settings";

import { queueScript } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";

import type { RunnerAgent } from "./agent";
import { createAgent } from "./create-agent";
import { ProtocolClient } from "./protocol-client";

let server: Awaited<ReturnType<typeof startRouteServer>>;
let workRoot: string;

beforeAll(async () => {
  server = await startRouteServer();
  workRoot = fs.mkdtempSync(path.join(os.tmpdir(), "strata-agent-test-"));
  // Short polls so that agents stop quickly at the end of each test.
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(workRoot, { recursive: true, force: true });
});

async function registeredAgent(pool: string, capacity = 1): Promise<RunnerAgent> {
  const reg = await createRegistrationToken({ createdBy: null });
  const labels = { hardware: "cpu", executor: "shell", pool };
  const registered = await new ProtocolClient(server.url).register({
    token: reg.token,
    name: `agent-${pool}`,
    labels,
    executor: "shell",
    capacity,
    npu: { chip: null, devices: [] },
    version: "test",
  });
  return createAgent(
    {
      url: server.url,
      id: registered.id,
      name: registered.name,
      token: registered.token,
      labels,
      executor: "shell",
      concurrency: capacity,
      npu: { chip: null, devices: [] },
      shutdownGraceSeconds: 5,
      pollSeconds: 2,
      workDir: workRoot,
    },
    { log: () => {}, logIntervalMs: 100, killGraceMs: 1_000, jobHeartbeatMs: 300 },
  );
}

async function waitForState(id: number, states: string[], ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = await findJobRecord(id);
    if (job && states.includes(job.state)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${id} is ${job?.state}, expected ${states.join("|")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function logOf(id: number): Promise<string> {
  const size = (await findJobRecord(id))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(id, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe("the runner agent over HTTP", () => {
  it("registers, picks up a shell job, streams its log and reports success", async () => {
    const agent = await registeredAgent("e2e");
    void agent.start();
    const id = await queueScript(
      'echo "hello from $STRATA_JOB_ID"; for i in 1 2 3; do echo "line $i"; sleep 0.1; done',
      { labels: { hardware: "cpu", pool: "e2e" } },
    );
    const job = await waitForState(id, ["succeeded", "failed"]);
    expect(job).toMatchObject({ state: "succeeded", exitCode: 0, attempt: 1 });
    const log = await logOf(id);
    expect(log).toContain(`hello from ${id}\nline 1\nline 2\nline 3\n`);
    expect(log).toMatch(/\[strata\] succeeded\n$/);
    await agent.shutdown(1_000);
  });

  it("cancels a running job when a user asks", async () => {
    const agent = await registeredAgent("e2e-cancel");
    void agent.start();
    const id = await queueScript("echo started; sleep 300", {
      labels: { hardware: "cpu", pool: "e2e-cancel" },
    });
    await waitForState(id, ["running"]);
    const deadline = Date.now() + 10_000;
    while (!(await logOf(id)).includes("started") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await requestJobCancel(id, new Date());
    notifyJobChanged(id);
    // The runner learns it from the next log upload's answer (or heartbeat) and kills the tree.
    const job = await waitForState(id, ["cancelled"]);
    expect(job.finishedAt).toBeInstanceOf(Date);
    // The runner cleans up (kills the tree, frees the slot) right after reporting.
    const cleanupDeadline = Date.now() + 5_000;
    while (agent.runningJobIds.length && Date.now() < cleanupDeadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(agent.runningJobIds).toEqual([]);
    await agent.shutdown(1_000);
  });

  it("runs jobs up to its concurrency at once", async () => {
    const agent = await registeredAgent("e2e-conc", 2);
    void agent.start();
    const labels = { hardware: "cpu", pool: "e2e-conc" };
    const ids = [
      await queueScript("sleep 1", { labels }),
      await queueScript("sleep 1", { labels }),
      await queueScript("sleep 1", { labels }),
    ];
    await waitForState(ids[0]!, ["running", "succeeded"]);
    await waitForState(ids[1]!, ["running", "succeeded"]);
    expect((await findJobRecord(ids[2]!))?.state).toBe("queued");
    for (const id of ids) await waitForState(id, ["succeeded"]);
    await agent.shutdown(1_000);
  });

  it("hands running jobs back on shutdown once the grace period is over", async () => {
    const agent = await registeredAgent("e2e-shutdown");
    void agent.start();
    const id = await queueScript("sleep 300", {
      kind: "model-ci",
      labels: { hardware: "cpu", pool: "e2e-shutdown" },
    });
    const deadline = Date.now() + 10_000;
    while (!agent.runningJobIds.includes(id) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await agent.shutdown(300);
    const job = await findJobRecord(id);
    expect(job).toMatchObject({ state: "queued", attempt: 1 });
    expect(await logOf(id)).toContain(
      "shut down before the job finished; queued again (attempt 2 of 3)",
    );
  });

  it("runs a service step until the job is cancelled, reporting where it answers", async () => {
    const agent = await registeredAgent("e2e-service");
    void agent.start();
    const server = `require("http").createServer((q, s) => s.end("hello from " + q.url)).listen(process.env.PORT)`;
    const id = await queueScript("", {
      spec: {
        steps: [
          { type: "service", script: `exec node -e '${server}'`, port: 8080, readyPath: "/" },
        ],
      },
      labels: { hardware: "cpu", pool: "e2e-service" },
    });
    const deadline = Date.now() + 15_000;
    let url: string | null = null;
    while (!(url = await findJobEndpoint(id)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    // A host port of the runner's range, not the 8080 the job asked for (two jobs could ask for it).
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:20\d{3}$/);
    const response = await fetch(`${url}/hi`);
    expect(await response.text()).toBe("hello from /hi");
    expect((await findJobRecord(id))?.endpoint).toBe(url);
    // A service does not finish on its own while its process lives.
    await new Promise((r) => setTimeout(r, 500));
    expect((await findJobRecord(id))?.state).toBe("running");

    await requestJobCancel(id, new Date());
    notifyJobChanged(id);
    expect(await waitForState(id, ["cancelled"])).toMatchObject({ endpoint: null });
    const cleanupDeadline = Date.now() + 5_000;
    while (agent.runningJobIds.length && Date.now() < cleanupDeadline)
      await new Promise((r) => setTimeout(r, 20));
    // The process is gone: its port refuses connections.
    const port = Number(new URL(url!).port);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(await logOf(id)).toContain(`[strata] service ready at ${url}\n`);
    await agent.shutdown(1_000);
  });

  it("keeps retrying while the server is unreachable", async () => {
    const client = new ProtocolClient("http://127.0.0.1:3239");
    await expect(client.heartbeat()).rejects.toThrow();
  });
});
