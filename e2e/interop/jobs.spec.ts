// Interop: the production server and real runner processes (`npm run runner -- register|run`).
// A shell job streams its log and succeeds; cancel kills its whole process tree; `kill -9` of a
// runner mid-job gets the job requeued and finished by another runner (on a server of its own
// with a 6 s lease). A docker runner process with a fake inventory of four NPUs runs a 2-NPU job
// through a stand-in `docker` on its PATH (there is no docker engine here): the command line it
// gets is asserted exactly, and the server sees the devices held during the job and freed after.
import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { cli, createToken, createUser, uniqueName } from "../support/cli";
import {
  processGone,
  startRunner,
  startServer,
  waitFor,
  type RunnerProcess,
} from "../support/runner-process";

const exec = promisify(execFile);
const baseURL = process.env.STRATA_E2E_URL!;
const workDir = path.resolve(".test-data", `jobs-interop-${Date.now()}`);

type JobJson = {
  id: number;
  state: string;
  attempt: number;
  runner: { name: string } | null;
  exitCode: number | null;
  failureReason: string | null;
};

function api(url: string, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    job: async (id: number) =>
      (await (await fetch(`${url}/api/jobs/${id}`, { headers })).json()) as JobJson,
    log: async (id: number) => (await fetch(`${url}/api/jobs/${id}/log`, { headers })).text(),
    cancel: (id: number) => fetch(`${url}/api/jobs/${id}/cancel`, { method: "POST", headers }),
    run: async (
      labels: Record<string, string>,
      script: string,
      extra: { image?: string; npuCount?: number } = {},
    ) => {
      const response = await fetch(`${url}/api/jobs`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ labels, script, timeoutSeconds: 120, ...extra }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: number }).id;
    },
    stream: (id: number) => fetch(`${url}/api/jobs/${id}/log/stream`, { headers }),
    runners: async () =>
      (await (await fetch(`${url}/api/runners`, { headers })).json()) as {
        runners: { name: string; npu: { used: number[]; free: number[] } }[];
      },
  };
}

test.describe.configure({ mode: "serial" });

let runner: RunnerProcess;
let admin: ReturnType<typeof api>;
const pool = uniqueName("interop");

test.beforeAll(async () => {
  fs.mkdirSync(workDir, { recursive: true });
  const user = await createUser({ admin: true });
  const [token, registrationToken] = await Promise.all([
    createToken(user.username, "write"),
    cli("runners:token"),
  ]);
  admin = api(baseURL, token);
  // Its own hardware label: jobs for the embedded runner (hardware=cpu) never come here.
  runner = await startRunner({
    url: baseURL,
    registrationToken,
    name: pool,
    labels: `hardware=${pool}`,
    dir: workDir,
  });
});

test.afterAll(async () => {
  await runner?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

test("a shell job on a runner process streams its log while it runs, then succeeds", async () => {
  const id = await admin.run(
    { hardware: pool },
    'for i in 1 2 3; do echo "tick $i"; sleep 1; done; echo "as uid $(id -u)"',
  );
  const response = await admin.stream(id);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let raw = "";
  let text = "";
  let stateAtFirstTick: string | null = null;
  let logEvents = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    raw += value;
    const events = [...raw.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)];
    text = events
      .filter(([, name]) => name === "log")
      .map(([, , data]) => JSON.parse(data!) as string)
      .join("");
    logEvents = events.filter(([, name]) => name === "log").length;
    if (stateAtFirstTick === null && text.includes("tick 1")) {
      stateAtFirstTick = (await admin.job(id)).state;
    }
    if (events.some(([, name]) => name === "end")) break;
  }
  // The first output arrived while the job was still running, in more than one piece.
  expect(stateAtFirstTick).toBe("running");
  expect(logEvents).toBeGreaterThan(1);
  expect(raw).toMatch(/event: end\ndata: \{"state":"succeeded"/);
  expect(text).toContain("tick 1\ntick 2\ntick 3\n");
  // The runner runs as root here, so its jobs run under a uid of their own (shell.uidBase + slot).
  const uid = Number(/\nas uid (\d+)\n/.exec(text)?.[1]);
  expect(uid).toBeGreaterThanOrEqual(20000);
  expect(await admin.log(id)).toBe(text);
  expect(await admin.job(id)).toMatchObject({
    state: "succeeded",
    exitCode: 0,
    runner: { name: pool },
  });
});

test("cancelling a running job kills its whole process tree", async () => {
  const id = await admin.run({ hardware: pool }, 'sleep 300 & echo "pids $$ $!"; wait');
  const log = await waitFor("the job's pids", async () =>
    /pids (\d+) (\d+)/.exec(await admin.log(id)),
  );
  const pids = [Number(log[1]), Number(log[2])];
  for (const pid of pids) expect(processGone(pid), `process ${pid} runs`).toBe(false);

  expect((await admin.cancel(id)).status).toBe(200);
  const ended = await waitFor("the cancel", async () => {
    const job = await admin.job(id);
    return job.state === "cancelled" ? job : null;
  });
  expect(ended.failureReason).toBe("Cancelled.");
  // The runner reports the cancel only after the process group is gone.
  for (const pid of pids) expect(processGone(pid), `process ${pid} is gone`).toBe(true);
  expect(await admin.log(id)).toContain("[strata] cancelled");
});

test("a 2-NPU job on a docker runner gets exactly its devices and the Ascend mounts, then frees them", async () => {
  test.setTimeout(90_000);
  const fakeBin = path.join(workDir, "fake-docker");
  const argvFile = path.join(fakeBin, "argv");
  const release = path.join(fakeBin, "release");
  fs.mkdirSync(fakeBin, { recursive: true });
  // Records its arguments one per line and holds the "container" until the test releases it.
  fs.writeFileSync(
    path.join(fakeBin, "docker"),
    `#!/bin/sh\nprintf '%s\\n' "$@" > ${argvFile}.tmp && mv ${argvFile}.tmp ${argvFile}\nwhile [ ! -e ${release} ]; do sleep 0.1; done\necho "fake docker done"\n`,
    { mode: 0o755 },
  );
  const name = uniqueName("npu");
  const dockerRunner = await startRunner({
    url: baseURL,
    registrationToken: await cli("runners:token"),
    name,
    labels: `hardware=${name}`,
    executor: "docker",
    npus: "0,1,2,3",
    npuChip: "910b",
    dir: workDir,
    env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}` },
  });
  try {
    const image = "quay.io/ascend/cann:8.0.rc3-910b-ubuntu22.04-py3.10";
    const id = await admin.run({ hardware: name }, "npu-smi info", { image, npuCount: 2 });
    const npusOf = async () =>
      (await admin.runners()).runners.find((runner) => runner.name === name)?.npu;
    const args = await waitFor("the docker command line", () =>
      Promise.resolve(
        fs.existsSync(argvFile) ? fs.readFileSync(argvFile, "utf8").trimEnd().split("\n") : null,
      ),
    );
    expect(await npusOf()).toMatchObject({ used: [0, 1], free: [2, 3] });

    const workMount = args[args.indexOf("-w") - 1]!;
    const scriptMount = args[args.indexOf("-w") + 3]!;
    expect(workMount).toMatch(new RegExp(`/job-${id}-[^/]+/work:/workspace$`));
    expect(scriptMount).toMatch(/:\/strata:ro$/);
    // prettier-ignore
    expect(args).toEqual([
      "run", "--rm", "--init",
      "--name", `strata-job-${id}-1-1`,
      "--device", "/dev/davinci0",
      "--device", "/dev/davinci1",
      "--device", "/dev/davinci_manager",
      "--device", "/dev/devmm_svm",
      "--device", "/dev/hisi_hdc",
      "-v", "/usr/local/dcmi:/usr/local/dcmi",
      "-v", "/usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
      "-v", "/usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
      "-v", "/usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
      "-v", "/etc/ascend_install.info:/etc/ascend_install.info",
      "-v", workMount,
      "-w", "/workspace",
      "-v", scriptMount,
      "-e", "CI",
      "-e", "STRATA_JOB_ID",
      "-e", "STRATA_JOB_ATTEMPT",
      "-e", "STRATA_JOB_TOKEN",
      "-e", "STRATA_SERVER_URL",
      "-e", "STRATA_NPU_DEVICES",
      image,
      "bash", "-eo", "pipefail", "/strata/step-1.sh",
    ]);

    fs.writeFileSync(release, "");
    const ended = await waitFor("the job to finish", async () => {
      const job = await admin.job(id);
      return job.state === "succeeded" ? job : null;
    });
    expect(ended.runner?.name).toBe(name);
    expect(await admin.log(id)).toContain("fake docker done");
    expect(await npusOf()).toMatchObject({ used: [], free: [0, 1, 2, 3] });
  } finally {
    await dockerRunner.stop();
  }
});

test("kill -9 of a runner mid-job: the job is requeued and finished by another runner", async () => {
  test.setTimeout(120_000);
  const dataDir = path.join(workDir, "failover-data");
  fs.mkdirSync(dataDir, { recursive: true });
  // Seeding migrates the data dir too, so the server starts on a ready database.
  const { stdout } = await exec(
    path.resolve("node_modules/.bin/tsx"),
    [
      "--conditions=react-server",
      "e2e/support/seed-failover.ts",
      'echo "attempt $STRATA_JOB_ATTEMPT pid $$"; sleep 4; echo finished',
      JSON.stringify({ hardware: "failover" }),
    ],
    { env: { ...process.env, STRATA_DATA_DIR: dataDir } },
  );
  const seeded = JSON.parse(stdout) as { token: string; registrationToken: string; jobId: number };
  const server = await startServer({
    port: Number(process.env.STRATA_E2E_FAILOVER_PORT ?? 3232),
    dataDir,
    migrated: true,
    env: {
      STRATA_EMBEDDED_RUNNER: "0",
      STRATA_JOB_LEASE_SECONDS: "6",
      STRATA_RUNNER_POLL_SECONDS: "5",
    },
  });
  const runners: RunnerProcess[] = [];
  try {
    const local = api(server.url, seeded.token);
    const id = seeded.jobId;
    runners.push(
      ...(await Promise.all(
        ["failover-a", "failover-b"].map((name) =>
          startRunner({
            url: server.url,
            registrationToken: seeded.registrationToken,
            name,
            labels: "hardware=failover",
            dir: workDir,
          }),
        ),
      )),
    );
    const context = async () =>
      [
        JSON.stringify(await local.job(id)),
        await local.log(id),
        server.output(),
        ...runners.map((r) => `${r.name}:\n${r.output()}`),
      ].join("\n---\n");
    const first = await waitFor(
      "the first attempt to start",
      async () => {
        const job = await local.job(id);
        return job.state === "running" &&
          job.runner &&
          (await local.log(id)).includes("attempt 1 pid")
          ? job
          : null;
      },
      { context },
    );
    const victim = runners.find((r) => r.name === first.runner!.name)!;
    const survivor = runners.find((r) => r !== victim)!;
    const orphan = Number(/attempt 1 pid (\d+)/.exec(await local.log(id))![1]);
    victim.signal("SIGKILL");
    await victim.exited;

    const done = await waitFor(
      "the job to finish on the other runner",
      async () => {
        const job = await local.job(id);
        return job.state !== "running" && job.state !== "queued" ? job : null;
      },
      { timeoutMs: 60_000, context },
    );
    expect(done).toMatchObject({
      state: "succeeded",
      attempt: 2,
      exitCode: 0,
      runner: { name: survivor.name },
    });
    const log = await local.log(id);
    expect(log).toContain(
      "[strata] The runner stopped reporting (lease expired); queued again (attempt 2 of 3).",
    );
    expect(log).toContain(`attempt 2 on runner ${survivor.name}`);
    expect(log).toMatch(/attempt 2 pid \d+\nfinished\n/);
    try {
      process.kill(-orphan, "SIGKILL"); // what the killed runner left behind (its next start would)
    } catch {
      // already ended
    }
  } finally {
    for (const r of runners) await r.stop();
    await server.stop();
  }
});
