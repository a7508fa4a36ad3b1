// How a CI job's end is recorded: stopped by a writer, out of time, its runner lost.
import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { cancelJob } from "@/lib/jobs/job-control";
import { refOf } from "@/lib/repos/access";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

import { recordModelCiFinished } from "./finish";
import { listModelCi } from "./results";
import { startModelCi } from "./start";

const cpuEnvironment = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";

async function queuedRun() {
  await seedImageCatalog();
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner);
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "script",
    operations: [{ kind: "file", path: "examples/inference.py", source: { content: "1\n" } }],
  });
  const model = { owner: record.ownerName, name: record.name };
  const caller = sessionCaller(owner);
  const { runId } = await startModelCi(caller, model, { environments: [cpuEnvironment] });
  const latest = async () =>
    (await listModelCi(caller, model)).model_ci.find((r) => r.run_id === runId)!;
  return { caller, latest, jobId: (await latest()).job_id! };
}

describe("the end of a model CI job", () => {
  it("is stopped when a writer stops it", async () => {
    const { caller, latest, jobId } = await queuedRun();
    expect(await latest()).toMatchObject({ status: "queued", stop_reason: null });
    await cancelJob(caller, jobId);
    await expect.poll(async () => (await latest()).status).toBe("stopped");
    expect(await latest()).toMatchObject({ stop_reason: "stopped" });
  });

  it.each([
    ["timed_out", "failed", "timeout"],
    ["runner_lost", "failed", "runner_lost"],
    ["succeeded", "success", null],
  ] as const)("records %s as %s (%s), once", async (state, status, reason) => {
    const { latest, jobId } = await queuedRun();
    // A lost runner's job runs once more before it counts as lost.
    expect((await findJobRecord(jobId))!.maxAttempts).toBe(2);
    const job = {
      id: jobId,
      kind: "model-ci" as const,
      resource: { type: "repo" as const, repoId: 0 },
      spec: {},
      exitCode: null,
      failureReason: null,
      finishedAt: new Date(),
    };
    await recordModelCiFinished({ ...job, state });
    // The hook is retried after a crash: a second call changes nothing.
    await recordModelCiFinished({ ...job, state: "failed" });
    expect(await latest()).toMatchObject({ status, stop_reason: reason });
  });
});
