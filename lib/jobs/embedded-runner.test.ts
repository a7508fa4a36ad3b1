import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { deleteRunnerRecord, listRunnerRecords } from "@/db/queries/runners";
import { getConfig, resetConfigForTests } from "@/lib/config";
import { hostArchLabel } from "@/lib/runtime/labels";

import { runnerUidBase } from "@/runner/create-agent";
import { queueScript } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";

import { detectBuilder } from "@/runner/builders/detect";
import {
  embeddedRunnerConfigPath,
  ensureEmbeddedRunnerConfig,
  startEmbeddedRunner,
  stopEmbeddedRunner,
} from "./embedded-runner";

import { setJobSettingsForTests } from "./settings";

let server: Awaited<ReturnType<typeof startRouteServer>>;

beforeAll(async () => {
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  process.env.STRATA_EMBEDDED_RUNNER = "1";
  resetConfigForTests();
  setJobSettingsForTests({ pollTimeoutSeconds: 2 });
});

afterAll(async () => {
  stopEmbeddedRunner();
  await server.close();
  delete process.env.PORT;
  process.env.STRATA_EMBEDDED_RUNNER = "0";
  resetConfigForTests();
});

describe("the embedded runner", () => {
  it("registers itself once, keeps its token in a private file, and re-registers when removed", async () => {
    const file = await ensureEmbeddedRunnerConfig();
    expect(file).toBe(embeddedRunnerConfigPath());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const config = JSON.parse(fs.readFileSync(file, "utf8")) as {
      id: number;
      labels: Record<string, string>;
      url: string;
    };
    // Builds images when buildah is here (a root runner with the package installed), for its arch.
    expect(config.labels).toEqual({
      executor: "shell",
      hardware: "cpu",
      ...(detectBuilder("shell") === "buildah" ? { builder: "buildah" } : {}),
      ...hostArchLabel(),
    });
    expect(config.url).toBe(server.url);

    await ensureEmbeddedRunnerConfig();
    expect((await listRunnerRecords()).filter((r) => r.embedded)).toHaveLength(1);

    // Written afresh at each start: a changed port reaches the runner; job dirs stay out of the data dir.
    process.env.PORT = "3239";
    resetConfigForTests();
    await ensureEmbeddedRunnerConfig();
    const moved = JSON.parse(fs.readFileSync(file, "utf8")) as typeof config & { workDir: string };
    expect(moved).toMatchObject({ id: config.id, url: "http://127.0.0.1:3239" });
    expect(moved.workDir.startsWith(os.tmpdir())).toBe(true);
    expect(moved.workDir.startsWith(getConfig().dataDir)).toBe(false);
    // Made passable for the jobs' uids whatever the server's umask (077).
    expect(fs.statSync(moved.workDir).mode & 0o777).toBe(0o711);
    // Job uids of its own, apart from those of registered runners (20000 + 100 × id).
    expect(runnerUidBase(moved)).toBeGreaterThanOrEqual(2_000_000);
    expect(runnerUidBase({ ...moved, shell: {} })).toBe(20000 + 100 * moved.id);
    process.env.PORT = new URL(server.url).port;
    resetConfigForTests();
    await ensureEmbeddedRunnerConfig();

    await deleteRunnerRecord(config.id);
    await ensureEmbeddedRunnerConfig();
    const again = JSON.parse(fs.readFileSync(file, "utf8")) as { id: number };
    expect(again.id).not.toBe(config.id);
  });

  it("runs as a child process and executes CPU jobs", async () => {
    startEmbeddedRunner();
    startEmbeddedRunner(); // idempotent
    const id = await queueScript("echo embedded; uname -s", {
      labels: { hardware: "cpu", executor: "shell" },
    });
    const deadline = Date.now() + 30_000;
    let state = "queued";
    while (Date.now() < deadline) {
      state = (await findJobRecord(id))!.state;
      if (state !== "queued" && state !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe("succeeded");
    const runner = (await listRunnerRecords()).find((r) => r.embedded);
    expect((await findJobRecord(id))?.runnerId).toBe(runner?.id);
  }, 40_000);
});
