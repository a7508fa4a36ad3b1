import net from "node:net";
import { describe, expect, it } from "vitest";

import { FakeClient, payload } from "@/test/jobs/fake-client";

import type { CommandSpec } from "../command-runner";
import { startJob } from "../job-execution";
import { NpuAllocator } from "../npu-allocator";
import { createServiceSupport } from "../service-support";
import { dockerExecutor } from "./docker";
import { registryOf } from "./docker-args";

describe("the docker executor", () => {
  it("runs a 2-NPU job with exactly the Ascend device and mount flags, then frees the NPUs", async () => {
    const commands: CommandSpec[] = [];
    let heldDuringRun: number[] = [];
    const allocator = new NpuAllocator([0, 1, 2, 3, 4, 5, 6, 7]);
    const client = new FakeClient();
    const job = payload({
      id: 7,
      attempt: 2,
      npuDevices: [2, 5],
      spec: {
        image: "quay.io/ascend/cann:8.1.rc1-910b-ubuntu22.04-py3.10",
        env: { MODEL: "Qwen/Qwen2.5-0.5B" },
        steps: [{ type: "script", name: "inference", script: "python examples/inference.py" }],
      },
    });

    const running = startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator,
      runnerName: "ascend-01",
      run: (command) => {
        commands.push(command);
        heldDuringRun = allocator.busy();
        command.onOutput?.(Buffer.from("npu ok\n"));
        return Promise.resolve({ exitCode: 0, signal: null });
      },
    });
    const result = await running.done;

    expect(result.outcome).toBe("succeeded");
    expect(commands).toHaveLength(1);
    const [run] = commands;
    const workDir = run!.args[run!.args.indexOf("-w") - 1]!.replace(/:\/workspace$/, "");
    const scriptDir = run!.args[run!.args.indexOf("-w") + 3]!.replace(/:\/strata:ro$/, "");
    expect(run!.file).toBe("docker");
    // prettier-ignore
    expect(run!.args).toEqual([
      "run", "--rm", "--init",
      "--name", "strata-job-7-2-1",
      "--device", "/dev/davinci2",
      "--device", "/dev/davinci5",
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
      "-e", "MODEL",
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      "quay.io/ascend/cann:8.1.rc1-910b-ubuntu22.04-py3.10",
      "bash", "-eo", "pipefail", "/strata/step-1.sh",
    ]);
    expect(workDir).toMatch(/\/job-7-[^/]+\/work$/);
    // Values travel in the docker CLI's environment, never on its command line.
    expect(run!.env).toMatchObject({
      MODEL: "Qwen/Qwen2.5-0.5B",
      STRATA_JOB_TOKEN: job.token,
      STRATA_NPU_DEVICES: "2,5",
    });
    expect(run!.args.join(" ")).not.toContain(job.token);
    expect(run!.env.DOCKER_CONFIG).toMatch(/\/job-7-[^/]+\/docker$/);

    expect(heldDuringRun).toEqual([2, 5]);
    expect(allocator.busy()).toEqual([]);
    expect(allocator.free()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(client.finished).toEqual([
      { attempt: 2, outcome: "succeeded", exitCode: 0, reason: null, logSize: client.log.length },
    ]);
    expect(client.log.toString()).toContain("npu ok\n");
  });

  it("frees the NPUs when the step fails", async () => {
    const allocator = new NpuAllocator([0, 1]);
    const client = new FakeClient();
    const job = payload({
      npuDevices: [0, 1],
      spec: { image: "busybox", steps: [{ type: "script", script: "exit 3" }] },
    });
    const result = await startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator,
      runnerName: "r",
      run: () => Promise.resolve({ exitCode: 3, signal: null }),
    }).done;
    expect(result).toEqual({ outcome: "failed", exitCode: 3 });
    expect(client.finished[0]).toMatchObject({
      outcome: "failed",
      exitCode: 3,
      reason: "Step 1 exited with code 3.",
    });
    expect(allocator.busy()).toEqual([]);
  });

  it("builds and pushes with the job token on stdin and a per-job docker config", async () => {
    const commands: CommandSpec[] = [];
    const client = new FakeClient();
    const job = payload({
      kind: "space-build",
      spec: {
        steps: [
          {
            type: "build",
            context: "app",
            tag: "hub.example.com:5000/spaces/alice/demo:abc123",
            push: true,
          },
        ],
      },
    });
    await startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator: new NpuAllocator([]),
      runnerName: "builder",
      run: (command) => {
        commands.push(command);
        return Promise.resolve({ exitCode: 0, signal: null });
      },
    }).done;
    const work = commands[0]!.cwd;
    expect(commands.map((c) => [c.file, ...c.args])).toEqual([
      ["docker", "login", "hub.example.com:5000", "--username", "strata-job", "--password-stdin"],
      [
        "docker",
        "build",
        "--tag",
        "hub.example.com:5000/spaces/alice/demo:abc123",
        "--file",
        `${work}/app/Dockerfile`,
        `${work}/app`,
      ],
      ["docker", "push", "hub.example.com:5000/spaces/alice/demo:abc123"],
    ]);
    expect(commands[0]!.stdin).toBe(job.token);
    expect(new Set(commands.map((c) => c.env.DOCKER_CONFIG)).size).toBe(1);
    expect(client.finished[0]?.outcome).toBe("succeeded");
  });

  it("stops the container by name when the job is cancelled", async () => {
    const commands: CommandSpec[] = [];
    const client = new FakeClient();
    const job = payload({
      id: 9,
      spec: { image: "busybox", steps: [{ type: "script", script: "sleep 100" }] },
    });
    const running = startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator: new NpuAllocator([]),
      runnerName: "r",
      killGraceMs: 3_000,
      run: (command) => {
        commands.push(command);
        if (command.args[0] !== "run") return Promise.resolve({ exitCode: 0, signal: null });
        return new Promise((resolve) =>
          command.signal?.addEventListener("abort", () => resolve({ exitCode: 143, signal: null })),
        );
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    running.stop("cancel");
    expect((await running.done).outcome).toBe("cancelled");
    expect(commands.some((c) => c.args.join(" ") === "stop --time 3 strata-job-9-1-1")).toBe(true);
  });

  it("publishes a service's port on a host port, reports it, and stops the container on cancel", async () => {
    const commands: CommandSpec[] = [];
    const client = new FakeClient();
    const job = payload({
      id: 11,
      kind: "space-run",
      spec: {
        image: "hub.example.com/spaces/alice/demo:abc123",
        steps: [{ type: "service", name: "app", script: "python app.py", port: 7860 }],
      },
    });
    const running = startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator: new NpuAllocator([]),
      runnerName: "r",
      killGraceMs: 2_000,
      services: createServiceSupport({ advertiseHost: "10.0.0.5", servicePorts: "21700-21709" }),
      run: (command) => {
        commands.push(command);
        if (command.args[0] !== "run") return Promise.resolve({ exitCode: 0, signal: null });
        // Stands in for docker's port forward: something listens on the published host port.
        const hostPort = Number(command.args[command.args.indexOf("-p") + 1]!.split(":")[0]);
        const listener = net.createServer((socket) => socket.end()).listen(hostPort, "127.0.0.1");
        return new Promise((resolve) =>
          command.signal?.addEventListener("abort", () =>
            listener.close(() => resolve({ exitCode: 143, signal: null })),
          ),
        );
      },
    });
    const deadline = Date.now() + 5_000;
    while (!client.endpoints.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const [run] = commands;
    const hostPort = Number(run!.args[run!.args.indexOf("-p") + 1]!.split(":")[0]);
    expect(hostPort).toBeGreaterThanOrEqual(21700);
    expect(hostPort).toBeLessThanOrEqual(21709);
    const workDir = run!.args[run!.args.indexOf("-w") - 1]!.replace(/:\/workspace$/, "");
    const scriptDir = run!.args[run!.args.indexOf("-w") + 3]!.replace(/:\/strata:ro$/, "");
    // prettier-ignore
    expect(run!.args).toEqual([
      "run", "--rm", "--init",
      "--name", "strata-job-11-1-1",
      "-p", `${hostPort}:7860`,
      "-v", `${workDir}:/workspace`,
      "-w", "/workspace",
      "-v", `${scriptDir}:/strata:ro`,
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      "-e", "PORT",
      "hub.example.com/spaces/alice/demo:abc123",
      "bash", "-eo", "pipefail", "/strata/step-1.sh",
    ]);
    // Inside the container the app listens on the port it asked for.
    expect(run!.env.PORT).toBe("7860");
    expect(client.endpoints).toEqual([{ attempt: 1, url: `http://10.0.0.5:${hostPort}` }]);

    running.stop("cancel");
    expect((await running.done).outcome).toBe("cancelled");
    expect(commands.map((c) => c.args.join(" "))).toContain("stop --time 2 strata-job-11-1-1");
  });

  it("refuses a build context outside the work dir", async () => {
    const client = new FakeClient();
    const job = payload({
      spec: { steps: [{ type: "build", context: "../../etc", tag: "x/y:z", push: false }] },
    });
    await startJob(job, {
      client: client.asClient(),
      executor: dockerExecutor,
      allocator: new NpuAllocator([]),
      runnerName: "r",
      run: () => Promise.resolve({ exitCode: 0, signal: null }),
    }).done;
    expect(client.finished[0]).toMatchObject({
      outcome: "failed",
      reason: "The path ../../etc leaves the work dir.",
    });
  });

  it("knows which registry an image lives in", () => {
    expect(registryOf("quay.io/ascend/cann:8.0")).toBe("quay.io");
    expect(registryOf("localhost:5000/a/b")).toBe("localhost:5000");
    expect(registryOf("ascendai/cann:latest")).toBe("docker.io");
    expect(registryOf("ubuntu")).toBe("docker.io");
  });
});
