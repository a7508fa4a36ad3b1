// A runner that dies during a model CI job: its lease runs out, the job runs once more on another
// runner, and when that one dies too the environment run ends as `runner_lost`.
import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { runOwedJobHooks } from "@/lib/jobs/job-hooks";
import { reapJobs } from "@/lib/jobs/reaper";
import { getJobSettings } from "@/lib/jobs/settings";
import { refOf } from "@/lib/repos/access";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";
import { claimFor, makeRunner } from "@/test/jobs/fixtures";

import { listModelCi } from "./results";
import { startModelCi } from "./start";

const cpuEnvironment = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";
// Both runners declare the environment, as a shell host must to take a CPU CI job.
const labels = { executor: "shell", hardware: "cpu", image: cpuEnvironment };

const afterLease = () => new Date(Date.now() + (getJobSettings().leaseSeconds + 1) * 1000);

describe("a model CI job whose runner is lost", () => {
  it("runs once more, then ends as runner_lost with that reason on the CI tab's record", async () => {
    await seedImageCatalog();
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    await commitChanges({
      repo: refOf(record),
      branch: "main",
      author,
      message: "script",
      operations: [
        { kind: "file", path: "examples/inference.py", source: { content: "import time\n" } },
      ],
    });
    const model = { owner: record.ownerName, name: record.name };
    const caller = sessionCaller(owner);
    const { runId } = await startModelCi(caller, model, { environments: [cpuEnvironment] });
    const latest = async () =>
      (await listModelCi(caller, model)).model_ci.find((r) => r.run_id === runId)!;
    const jobId = (await latest()).job_id!;

    // The first runner takes the job and then stops reporting (killed: no heartbeat, no finish).
    const first = await makeRunner({ labels });
    expect(await claimFor(first)).toMatchObject({ id: jobId, attempt: 1 });
    expect((await latest()).status).toBe("running");
    expect((await reapJobs(afterLease())).requeued).toContain(jobId);
    expect(await latest()).toMatchObject({ status: "queued", stop_reason: null });

    // Its second attempt is lost as well: no third one, and the outcome says why.
    const second = await makeRunner({ labels });
    expect(await claimFor(second)).toMatchObject({ id: jobId, attempt: 2 });
    expect((await reapJobs(afterLease())).lost).toContain(jobId);
    expect((await findJobRecord(jobId))?.state).toBe("runner_lost");
    await runOwedJobHooks();
    expect(await latest()).toMatchObject({ status: "failed", stop_reason: "runner_lost" });
    expect(await claimFor(first)).toBeNull();
  });
});
