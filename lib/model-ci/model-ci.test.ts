// Model CI for real: a shell runner that declares a CPU environment fetches the model at the
// pinned commit with its job token, installs nothing or fails to, and runs examples/inference.py.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { resetConfigForTests } from "@/lib/config";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { readJobLog } from "@/lib/jobs/log-store";
import { setJobSettingsForTests } from "@/lib/jobs/settings";
import { refOf } from "@/lib/repos/access";
import { createAgent } from "@/runner/create-agent";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";
import { makeRunner } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";

import { listModelCi, type ModelCiRecord } from "./results";
import { rerunModelCi, startModelCi } from "./start";

const cpuEnvironment = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";

let server: Awaited<ReturnType<typeof startRouteServer>>;
let work: string;
let owner: TestAccount;
let stopRunner: (() => Promise<void>) | undefined;

beforeAll(async () => {
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  resetConfigForTests();
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
  await seedImageCatalog();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-model-ci-test-"));
  owner = await makeAccount();
  const labels = { executor: "shell", hardware: "cpu", image: cpuEnvironment };
  const runner = await makeRunner({ labels });
  const agent = createAgent(
    {
      ...runner,
      url: server.url,
      labels,
      executor: "shell",
      concurrency: 2,
      npu: { chip: null, devices: [] },
      shutdownGraceSeconds: 5,
      pollSeconds: 2,
      workDir: work,
    },
    { log: () => {}, logIntervalMs: 100, killGraceMs: 1_000, jobHeartbeatMs: 300 },
  );
  void agent.start();
  stopRunner = () => agent.shutdown(1_000);
}, 60_000);

afterAll(async () => {
  await stopRunner?.();
  await server.close();
  delete process.env.PORT;
  resetConfigForTests();
  fs.rmSync(work, { recursive: true, force: true });
});

async function modelWith(files: Record<string, string>, isPrivate = false) {
  const { record } = await makeHubRepo(owner, { type: "model", isPrivate });
  await commitFiles(refOf(record), files);
  return { owner: record.ownerName, name: record.name };
}

async function commitFiles(ref: ReturnType<typeof refOf>, files: Record<string, string>) {
  await commitChanges({
    repo: ref,
    branch: "main",
    author,
    message: "files",
    operations: Object.entries(files).map(([file, content]) => ({
      kind: "file" as const,
      path: file,
      source: { content },
    })),
  });
}

/** The run's only environment, once it ended. */
async function finished(model: { owner: string; name: string }, runId: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { model_ci } = await listModelCi(sessionCaller(owner), model);
    const record = model_ci.find((r) => r.run_id === runId)!;
    if (!["queued", "running"].includes(record.status)) return record;
    if (Date.now() > deadline) throw new Error(`the run is still ${record.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function logOf(record: ModelCiRecord): Promise<string> {
  const size = (await findJobRecord(record.job_id!))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(record.job_id!, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

const readsConfig = [
  "import argparse, os",
  "parser = argparse.ArgumentParser()",
  "parser.add_argument('--model_name_or_path')",
  "args = parser.parse_args()",
  "print('answer:', open(os.path.join(args.model_name_or_path, 'config.txt')).read().strip())",
  "weights = os.path.join(args.model_name_or_path, 'weights.bin')",
  "if os.path.exists(weights): print('weights:', open(weights).read().strip())",
].join("\n");

describe("a model CI run on a shell runner that declares the environment", () => {
  it("passes at the commit it was started at, even after a newer push", async () => {
    const model = await modelWith({
      "examples/inference.py": readsConfig,
      "config.txt": "first",
      // Stored as an LFS pointer (the default .gitattributes): the checkout has its content.
      "weights.bin": "tensor bytes",
    });
    const { runId } = await startModelCi(sessionCaller(owner), model, {
      environments: [cpuEnvironment],
    });
    await commitFiles({ type: "model", ...model }, { "config.txt": "second" });
    const record = await finished(model, runId);
    const log = await logOf(record);
    expect(record, log).toMatchObject({
      status: "success",
      stop_reason: null,
      hardware_version: "CPU",
      framework: "PyTorch",
      framework_version: "2.1.0",
      python_version: "3.9",
      openmind_version: "0.8.0",
      image: cpuEnvironment,
    });
    expect(log).toContain("answer: first");
    expect(log).not.toContain("answer: second");
    expect(log).toContain("weights: tensor bytes");

    const rerun = await rerunModelCi(sessionCaller(owner), model, record.id);
    const again = await finished(model, rerun.runId);
    expect(again).toMatchObject({ status: "success", commit: record.commit });
    expect(await logOf(again)).toContain("answer: first");
  }, 90_000);

  it("fails with the script's traceback in the log", async () => {
    const model = await modelWith({ "examples/inference.py": "raise ValueError('bad weights')\n" });
    const { runId } = await startModelCi(sessionCaller(owner), model, {
      environments: [cpuEnvironment],
    });
    const record = await finished(model, runId);
    expect(record).toMatchObject({ status: "failed", stop_reason: null });
    const log = await logOf(record);
    expect(log).toContain("Traceback");
    expect(log).toContain("ValueError: bad weights");
  }, 60_000);

  it("fails as requirements_failed when examples/requirements.txt does not install", async () => {
    const model = await modelWith({
      "examples/inference.py": "print('never')\n",
      "examples/requirements.txt": "this is === not a requirement\n",
    });
    const { runId } = await startModelCi(sessionCaller(owner), model, {
      environments: [cpuEnvironment],
    });
    const record = await finished(model, runId);
    expect(record).toMatchObject({ status: "failed", stop_reason: "requirements_failed" });
    expect(await logOf(record)).not.toContain("never");
  }, 60_000);

  it("records no_inference_py at once for a model without examples/inference.py", async () => {
    const model = await modelWith({ "README.md": "# no script\n" });
    const { runId } = await startModelCi(sessionCaller(owner), model, {
      environments: [cpuEnvironment],
    });
    const { model_ci } = await listModelCi(sessionCaller(owner), model);
    expect(model_ci.find((r) => r.run_id === runId)).toMatchObject({
      status: "failed",
      stop_reason: "no_inference_py",
      job_id: null,
    });
  });
});

describe("who may start and see model CI", () => {
  it("refuses readers who cannot write, unknown environments, and hides private models", async () => {
    const model = await modelWith({ "examples/inference.py": readsConfig }, true);
    const stranger = await makeAccount();
    await expect(
      startModelCi(sessionCaller(stranger), model, { environments: [cpuEnvironment] }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(listModelCi(sessionCaller(stranger), model)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listModelCi(null, model)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      startModelCi(sessionCaller(owner), model, { environments: ["base_image/openmind:nope"] }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
