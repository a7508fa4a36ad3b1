// The demo CI results of a fresh install come from a real run: the seed's commit of the lexicon
// model starts one (its card says `ci: {on: push}`), and a runner offering the environment runs it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { resetConfigForTests } from "@/lib/config";
import { readJobLog } from "@/lib/jobs/log-store";
import { setJobSettingsForTests } from "@/lib/jobs/settings";
import { listModelCi } from "@/lib/model-ci/results";
import { createAgent } from "@/runner/create-agent";
import { makeRunner } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";

import { demoCiEnvironment } from "./demo-repos";
import { seedDemoData } from "./index";

let server: Awaited<ReturnType<typeof startRouteServer>>;
let work: string;

beforeAll(async () => {
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  resetConfigForTests();
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-seed-ci-test-"));
});

afterAll(async () => {
  await server.close();
  delete process.env.PORT;
  resetConfigForTests();
  fs.rmSync(work, { recursive: true, force: true });
});

const demo = { owner: "openmind", name: "lexicon-sentiment" };

describe("the seeded model CI results", () => {
  it("are a real run of the demo model, started by its seeded push and run by a runner", async () => {
    await seedDemoData();
    await seedDemoData();
    const queued = (await listModelCi(null, demo)).model_ci;
    expect(queued).toEqual([
      expect.objectContaining({ status: "queued", image: demoCiEnvironment, created_by: null }),
    ]);

    // What the embedded runner of `npm run up` is: a shell runner that declares the environment.
    const labels = { executor: "shell", hardware: "cpu", image: demoCiEnvironment };
    const runner = await makeRunner({ labels });
    const agent = createAgent(
      {
        ...runner,
        url: server.url,
        labels,
        executor: "shell",
        concurrency: 1,
        npu: { chip: null, devices: [] },
        shutdownGraceSeconds: 5,
        pollSeconds: 2,
        workDir: work,
      },
      { log: () => {}, logIntervalMs: 100, killGraceMs: 1_000, jobHeartbeatMs: 300 },
    );
    void agent.start();
    try {
      await expect
        .poll(async () => (await listModelCi(null, demo)).model_ci[0]!.status, {
          timeout: 60_000,
          interval: 250,
        })
        .toBe("success");
    } finally {
      await agent.shutdown(1_000);
    }
    const [record] = (await listModelCi(null, demo)).model_ci;
    const size = (await findJobRecord(record!.job_id!))!.logSize;
    const chunks: Buffer[] = [];
    for await (const chunk of readJobLog(record!.job_id!, 0, size)) chunks.push(chunk as Buffer);
    const log = Buffer.concat(chunks).toString();
    expect(log).toContain("ok   positive");
    expect(log).toContain("ok   negative");
    expect(log).not.toContain("FAIL");
  }, 90_000);
});
