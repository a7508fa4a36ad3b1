// What a docker runner runs for an NPU Space: the built image, one chip, the Hub's environment.
import net from "node:net";
import { describe, expect, it } from "vitest";

import type { CommandSpec } from "@/runner/command-runner";
import { dockerExecutor } from "@/runner/executors/docker";
import { startJob } from "@/runner/job-execution";
import { NpuAllocator } from "@/runner/npu-allocator";
import { createServiceSupport } from "@/runner/service-support";
import { FakeClient, payload } from "@/test/jobs/fake-client";

import { spaceHardwareLimits, spaceRunSpec } from "./run-spec";

const image = "hub.example.com/spaces/alice/npu-demo:0123456789ab";

/** Runs the job to its endpoint report with docker faked by a listener on the published port. */
async function runToEndpoint(job: ReturnType<typeof payload>) {
  const commands: CommandSpec[] = [];
  const client = new FakeClient();
  const running = startJob(job, {
    client: client.asClient(),
    executor: dockerExecutor,
    allocator: new NpuAllocator([0, 1, 2, 3]),
    runnerName: "ascend-01",
    killGraceMs: 1_000,
    services: createServiceSupport({ advertiseHost: "10.0.0.7", servicePorts: "21800-21800" }),
    run: (command) => {
      commands.push(command);
      if (command.args[0] !== "run") return Promise.resolve({ exitCode: 0, signal: null });
      const server = net.createServer((socket) => socket.end()).listen(21800, "127.0.0.1");
      return new Promise((resolve) =>
        command.signal?.addEventListener("abort", () =>
          server.close(() => resolve({ exitCode: 143, signal: null })),
        ),
      );
    },
  });
  for (let i = 0; i < 250 && !client.endpoints.length; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  running.stop("cancel");
  await running.done;
  return { commands, endpoints: client.endpoints };
}

describe("a Space run on a docker runner", () => {
  it("of an npu-basic gradio Space is exactly this docker command line, with values only in docker's environment", async () => {
    const spec = spaceRunSpec({
      repoId: 12,
      owner: "alice",
      name: "npu-demo",
      commit: "0123456789abcdef0123456789abcdef01234567",
      appFile: "app.py",
      port: 7860,
      image,
      sdk: "gradio",
      cloneUrl: "http://hub.example.com/spaces/alice/npu-demo.git",
      variables: { MODEL_ID: "Qwen/Qwen2.5-0.5B" },
      limits: spaceHardwareLimits.npu,
    });
    // The server adds the opened secrets when the runner claims the job.
    const job = payload({
      id: 31,
      kind: "space-run",
      npuDevices: [3],
      spec: { ...spec, env: { ...spec.env, HF_TOKEN: "hf_secret" } },
    });
    const { commands, endpoints } = await runToEndpoint(job);
    expect(endpoints).toEqual([{ attempt: 1, url: "http://10.0.0.7:21800" }]);
    const run = commands.find((command) => command.args[0] === "run")!;
    const workDir = run.args[run.args.indexOf("-w") - 1]!.replace(/:\/workspace$/, "");
    const scriptDir = run.args[run.args.indexOf("-w") + 3]!.replace(/:\/strata:ro$/, "");
    // prettier-ignore
    expect(run.args).toEqual([
      "run", "--rm", "--init",
      "--name", "strata-job-31-1-1",
      "--device", "/dev/davinci3",
      "--device", "/dev/davinci_manager",
      "--device", "/dev/devmm_svm",
      "--device", "/dev/hisi_hdc",
      "-v", "/usr/local/dcmi:/usr/local/dcmi",
      "-v", "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
      "-v", "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
      "-v", "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
      "-v", "/etc/ascend_install.info:/etc/ascend_install.info",
      "--memory", "32768m",
      "--cpus", "8",
      "--read-only", "--tmpfs", "/tmp:rw,nosuid,nodev,size=1g",
      "-p", "21800:7860",
      "-v", `${workDir}:/workspace`,
      "-w", "/workspace",
      "-v", `${scriptDir}:/strata:ro`,
      "-e", "GRADIO_TEMP_DIR",
      "-e", "MPLCONFIGDIR",
      "-e", "XDG_CACHE_HOME",
      "-e", "HF_HOME",
      "-e", "MODEL_ID",
      "-e", "SYSTEM",
      "-e", "SPACE_ID",
      "-e", "SPACE_AUTHOR_NAME",
      "-e", "SPACE_REPO_NAME",
      "-e", "GRADIO_SERVER_NAME",
      "-e", "GRADIO_ROOT_PATH",
      "-e", "HF_TOKEN",
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      "-e", "PORT",
      image,
      "bash", "-eo", "pipefail", "/strata/step-1.sh",
    ]);
    expect(run.env).toMatchObject({
      MODEL_ID: "Qwen/Qwen2.5-0.5B",
      HF_TOKEN: "hf_secret",
      SYSTEM: "spaces",
      SPACE_ID: "alice/npu-demo",
      SPACE_AUTHOR_NAME: "alice",
      SPACE_REPO_NAME: "npu-demo",
      GRADIO_SERVER_NAME: "0.0.0.0",
      GRADIO_ROOT_PATH: "/spaces/alice/npu-demo/app",
      PORT: "7860",
    });
    expect(spec.steps).toEqual([
      {
        type: "service",
        name: "Run the app",
        port: 7860,
        image,
        script: `export GRADIO_SERVER_PORT="$PORT"\ncd /home/user/app\nexec python 'app.py'`,
        container: { memoryMb: 32768, cpus: 8, readOnly: true },
      },
    ]);
  });

  it("of a docker Space starts the image's own command in its own working dir, under its hardware's limits", async () => {
    const spec = spaceRunSpec({
      repoId: 12,
      owner: "alice",
      name: "web",
      commit: "0123456789abcdef0123456789abcdef01234567",
      appFile: "app.py",
      port: 7860,
      image,
      sdk: "docker",
      cloneUrl: "http://hub.example.com/spaces/alice/web.git",
      variables: {},
      limits: spaceHardwareLimits.cpu,
    });
    const { commands } = await runToEndpoint(payload({ id: 32, kind: "space-run", spec }));
    const run = commands.find((command) => command.args[0] === "run")!;
    // prettier-ignore
    expect(run.args).toEqual([
      "run", "--rm", "--init",
      "--name", "strata-job-32-1-1",
      // Its own image may write anywhere: limits, but no read-only root.
      "--memory", "16384m",
      "--cpus", "2",
      "-p", "21800:7860",
      "-e", "SYSTEM",
      "-e", "SPACE_ID",
      "-e", "SPACE_AUTHOR_NAME",
      "-e", "SPACE_REPO_NAME",
      "-e", "GRADIO_SERVER_NAME",
      "-e", "GRADIO_ROOT_PATH",
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      "-e", "PORT",
      image,
    ]);
  });
});
