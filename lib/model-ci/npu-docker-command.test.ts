// An NPU environment's run, from the start request to the exact `docker run` a runner executes.
import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { listModelCiRows } from "@/db/queries/model-ci";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import type { JobSpec } from "@/lib/jobs/protocol";
import { refOf } from "@/lib/repos/access";
import type { CommandSpec } from "@/runner/command-runner";
import { dockerExecutor } from "@/runner/executors/docker";
import { startJob } from "@/runner/job-execution";
import { NpuAllocator } from "@/runner/npu-allocator";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";
import { FakeClient, payload } from "@/test/jobs/fake-client";

import { startModelCi } from "./start";

const npuTag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";

describe("a model CI run in an NPU environment", () => {
  it("needs an NPU runner with docker, one NPU, and runs the image with that NPU's flags", async () => {
    await seedImageCatalog();
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    await commitChanges({
      repo: refOf(record),
      branch: "main",
      author,
      message: "script",
      operations: [
        { kind: "file", path: "examples/inference.py", source: { content: "print(1)\n" } },
      ],
    });
    const model = { owner: record.ownerName, name: record.name };
    await startModelCi(sessionCaller(owner), model, {
      environments: [`base_image/openmind:${npuTag}`],
      timeoutMinutes: 45,
    });
    const [row] = await listModelCiRows(record.id);
    const job = (await findJobRecord(row!.jobId!))!;
    expect(job).toMatchObject({
      kind: "model-ci",
      requiredLabels: { hardware: "npu", executor: "docker" },
      npuCount: 1,
      timeoutSeconds: 45 * 60,
      grants: { clone: [`models/${model.owner}/${model.name}`] },
    });

    const commands: CommandSpec[] = [];
    await startJob(payload({ id: job.id, npuDevices: [3], spec: job.spec as JobSpec }), {
      client: new FakeClient().asClient(),
      executor: dockerExecutor,
      allocator: new NpuAllocator([0, 1, 2, 3]),
      runnerName: "ascend-01",
      run: (command) => {
        commands.push(command);
        return Promise.resolve({ exitCode: 0, signal: null });
      },
    }).done;
    const [run] = commands;
    const workDir = run!.args[run!.args.indexOf("-w") - 1]!.replace(/:\/workspace$/, "");
    const scriptDir = run!.args[run!.args.indexOf("-w") + 3]!.replace(/:\/strata:ro$/, "");
    // prettier-ignore
    expect([run!.file, ...run!.args]).toEqual([
      "docker", "run", "--rm", "--init",
      "--name", `strata-job-${job.id}-1-1`,
      "--device", "/dev/davinci3",
      "--device", "/dev/davinci_manager",
      "--device", "/dev/devmm_svm",
      "--device", "/dev/hisi_hdc",
      "-v", "/usr/local/dcmi:/usr/local/dcmi",
      "-v", "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
      "-v", "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
      "-v", "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
      "-v", "/etc/ascend_install.info:/etc/ascend_install.info",
      "-v", `${workDir}:/workspace`,
      "-w", "/workspace",
      "-v", `${scriptDir}:/strata:ro`,
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      `localhost:3000/base_image/openmind:${npuTag}`,
      "bash", "-eo", "pipefail", "/strata/step-1.sh",
    ]);
  });
});
