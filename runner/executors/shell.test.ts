import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { FakeClient, payload } from "@/test/jobs/fake-client";

import { groupAlive, spawnInProcessGroup } from "../command-runner";
import { startJob } from "../job-execution";
import { resolveJobUser } from "../job-user";
import { NpuAllocator } from "../npu-allocator";
import { defaultShellLimits, type ShellLimits } from "../shell-limits";
import { createShellExecutor, shellExecutor } from "./shell";
import type { Executor } from "./types";

/** Gone = no such process, or a zombie (this container's PID 1 does not reap orphans). */
function processGone(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

function runShell(
  script: string,
  overrides: Parameters<typeof payload>[0] = {},
  allocator = new NpuAllocator([]),
  options: { executor?: Executor; workRoot?: string } = {},
) {
  const client = new FakeClient();
  const running = startJob(
    payload({ spec: { steps: [{ type: "script", script }] }, ...overrides }),
    {
      client: client.asClient(),
      executor: options.executor ?? shellExecutor,
      run: spawnInProcessGroup,
      allocator,
      runnerName: "local",
      workRoot: options.workRoot,
      killGraceMs: 2_000,
      logIntervalMs: 50,
    },
  );
  return { client, running };
}

describe("the shell executor", () => {
  it("runs the script in a fresh work dir with a scrubbed environment and streams its output", async () => {
    process.env.STRATA_SECRET_FOR_TEST = "do-not-leak";
    const script =
      'echo "$GREETING"; echo "cwd=$(basename "$PWD") home=$(basename "$HOME") job=$STRATA_JOB_ID"; echo "names=$(env | cut -d= -f1 | sort | tr "\\n" " ")"';
    const { client, running } = runShell("", {
      spec: { env: { GREETING: "hi" }, steps: [{ type: "script", script }] },
    });
    const result = await running.done;
    delete process.env.STRATA_SECRET_FOR_TEST;
    expect(result).toEqual({ outcome: "succeeded", exitCode: 0 });
    const log = client.log.toString();
    expect(log).toContain("hi\ncwd=work home=home job=42\n");
    const names = log
      .match(/names=(.*)\n/)![1]!
      .trim()
      .split(" ");
    // Only the basics, the job's own variables and what bash itself exports.
    const allowed = [
      "CI",
      "GREETING",
      "HOME",
      "LANG",
      "PATH",
      "PWD",
      "SHLVL",
      "TMPDIR",
      "TZ",
      "_",
      "STRATA_JOB_ATTEMPT",
      "STRATA_JOB_ID",
      "STRATA_JOB_TOKEN",
      "STRATA_NPU_DEVICES",
      "STRATA_SERVER_URL",
    ];
    expect(names.filter((n) => !allowed.includes(n))).toEqual([]);
    expect(log).not.toContain("do-not-leak");
    expect(log).toContain("[strata] succeeded");
  });

  it("reports a failing script with its exit code", async () => {
    const { client, running } = runShell("echo before; false; echo never");
    expect(await running.done).toEqual({ outcome: "failed", exitCode: 1 });
    expect(client.log.toString()).toContain("before\n");
    expect(client.log.toString()).not.toContain("never");
    expect(client.finished[0]).toMatchObject({
      outcome: "failed",
      exitCode: 1,
      reason: "Step 1 exited with code 1.",
    });
  });

  it("kills the whole process tree on cancel, including a backgrounded grandchild", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-shell-test-"));
    const pids = path.join(dir, "pids");
    const { client, running } = runShell(`sleep 300 & echo "$$ $!" > ${pids}; wait`);
    await waitFor(
      () => fs.existsSync(pids) && fs.readFileSync(pids, "utf8").trim().split(" ").length === 2,
    );
    const [bash, sleeper] = fs.readFileSync(pids, "utf8").trim().split(" ").map(Number) as [
      number,
      number,
    ];
    expect(processGone(bash)).toBe(false);
    expect(processGone(sleeper)).toBe(false);

    running.stop("cancel");
    expect((await running.done).outcome).toBe("cancelled");
    expect(processGone(bash)).toBe(true);
    expect(processGone(sleeper)).toBe(true);
    expect(groupAlive(bash)).toBe(false);
    expect(client.finished[0]).toMatchObject({ outcome: "cancelled", reason: "Cancelled." });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("kills a tree that ignores SIGTERM after the grace period", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-shell-test-"));
    const pids = path.join(dir, "pids");
    const { running } = runShell(
      `trap '' TERM; (trap '' TERM; sleep 300) & echo "$$ $!" > ${pids}; wait`,
    );
    await waitFor(
      () => fs.existsSync(pids) && fs.readFileSync(pids, "utf8").trim().split(" ").length === 2,
    );
    const [bash, child] = fs.readFileSync(pids, "utf8").trim().split(" ").map(Number) as [
      number,
      number,
    ];
    const started = Date.now();
    running.stop("cancel");
    await running.done;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(processGone(bash)).toBe(true);
    expect(processGone(child)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("times out a job, reporting timed_out", async () => {
    const { client, running } = runShell("sleep 30", { timeoutSeconds: 1 });
    expect((await running.done).outcome).toBe("timed_out");
    expect(client.finished[0]).toMatchObject({
      outcome: "timed_out",
      reason: "Timed out after 1 s.",
    });
  });

  it("leaves no background process behind when the script exits on its own", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-shell-test-"));
    const pids = path.join(dir, "pids");
    const { running } = runShell(`sleep 300 >/dev/null 2>&1 & echo $! > ${pids}`);
    expect((await running.done).outcome).toBe("succeeded");
    const sleeper = Number(fs.readFileSync(pids, "utf8"));
    expect(processGone(sleeper)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes its NPUs as ASCEND_RT_VISIBLE_DEVICES and frees them afterwards", async () => {
    const allocator = new NpuAllocator([0, 1, 2, 3]);
    const { client, running } = runShell(
      "",
      {
        npuDevices: [1, 3],
        spec: { steps: [{ type: "script", script: 'echo "visible=$ASCEND_RT_VISIBLE_DEVICES"' }] },
      },
      allocator,
    );
    await running.done;
    expect(client.log.toString()).toContain("visible=1,3\n");
    expect(allocator.free()).toEqual([0, 1, 2, 3]);
  });

  it("refuses image steps", async () => {
    const { client, running } = runShell("", {
      spec: { image: "ubuntu", steps: [{ type: "script", script: "true" }] },
    });
    expect((await running.done).outcome).toBe("failed");
    expect(client.finished[0]?.reason).toMatch(/cannot run a container image/);
  });
});

const withLimits = (limits: Partial<ShellLimits>) =>
  createShellExecutor({ limits: { ...defaultShellLimits, ...limits } });

describe("the shell executor's resource limits", () => {
  it("sets CPU time, open files, processes, file size and no core dumps, soft and hard", async () => {
    const { client, running } = runShell(
      'echo "t=$(ulimit -t) n=$(ulimit -n) u=$(ulimit -u) f=$(ulimit -f) c=$(ulimit -c) hard-n=$(ulimit -H -n)"; ulimit -n 100 2>/dev/null || echo "cannot raise"',
      {},
      undefined,
      {
        executor: withLimits({ cpuSeconds: 7, openFiles: 64, processes: 500, fileSizeMb: 1 }),
      },
    );
    expect((await running.done).outcome).toBe("succeeded");
    expect(client.log.toString()).toContain("t=7 n=64 u=500 f=1024 c=0 hard-n=64\ncannot raise\n");
  });

  it("gives a job CPU time of its timeout times the cores by default", async () => {
    const { client, running } = runShell('echo "t=$(ulimit -t)"', { timeoutSeconds: 90 });
    await running.done;
    expect(client.log.toString()).toContain(`t=${90 * os.availableParallelism()}\n`);
  });

  it("stops a process that writes a file past the size limit", async () => {
    const { client, running } = runShell(
      "head -c 3000000 /dev/zero > big; echo never",
      {},
      undefined,
      {
        executor: withLimits({ fileSizeMb: 1 }),
      },
    );
    expect((await running.done).outcome).toBe("failed");
    expect(client.log.toString()).not.toContain("never");
  });

  it("refuses file descriptors past the open files limit", async () => {
    const { client, running } = runShell(
      "(exec 20</dev/null) 2>/dev/null && echo opened-20 || echo refused-20; (exec 40</dev/null) 2>/dev/null && echo opened-40 || echo refused-40",
      {},
      undefined,
      { executor: withLimits({ openFiles: 32 }) },
    );
    expect((await running.done).outcome).toBe("succeeded");
    expect(client.log.toString()).toContain("opened-20\nrefused-40\n");
  });

  it("kills a busy loop when it used up its CPU time", async () => {
    const { client, running } = runShell("while :; do :; done", {}, undefined, {
      executor: withLimits({ cpuSeconds: 1 }),
    });
    expect((await running.done).outcome).toBe("failed");
    expect(client.finished[0]?.reason).toMatch(/killed by SIG(XCPU|KILL)/);
  });
});

describe.skipIf(process.getuid?.() !== 0)("shell jobs of a root runner", () => {
  // Each concurrent job runs as a uid of its own: 20000 + slot, with no passwd entry.
  async function asNobody() {
    const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), "strata-shell-user-"));
    fs.chmodSync(workRoot, 0o755);
    const user = await resolveJobUser({
      setting: undefined,
      hasNpus: false,
      workRoot: path.join(workRoot, "runner"),
      log: () => {},
    });
    expect(user?.name).toBe("nobody");
    return {
      workRoot,
      runnerRoot: path.join(workRoot, "runner"),
      executor: createShellExecutor({ user }),
    };
  }

  it("run as a slot uid in dirs it owns, and cannot read or change the runner's files", async () => {
    const { workRoot, runnerRoot, executor } = await asNobody();
    const secret = path.join(runnerRoot, "runner-token");
    fs.writeFileSync(secret, "strrun_secret", { mode: 0o600 });
    const script = [
      'echo "uid=$(id -u) groups=$(id -G)"',
      'touch "$HOME/h" "$TMPDIR/t" ./w && echo wrote-own-dirs',
      `cat ${secret} 2>/dev/null || echo no-token`,
      "ls .. >/dev/null 2>&1 || echo no-listing",
      '{ echo x >> "../scripts/step-1.sh"; } 2>/dev/null || echo script-read-only',
      'echo "script=$(head -c 4 "$0")"',
    ].join("\n");
    const { client, running } = runShell(script, {}, undefined, { executor, workRoot: runnerRoot });
    expect((await running.done).outcome).toBe("succeeded");
    const log = client.log.toString();
    expect(log).toContain("uid=20000 groups=20000\n");
    expect(log).toContain("wrote-own-dirs\nno-token\nno-listing\nscript-read-only\nscript=echo\n");
    expect(log).not.toContain("strrun_secret");
    // Its dirs are gone afterwards, and the work root lets others pass but not look.
    expect(fs.readdirSync(runnerRoot)).toEqual(["runner-token"]);
    expect(fs.statSync(runnerRoot).mode & 0o777).toBe(0o711);
    fs.rmSync(workRoot, { recursive: true, force: true });
  });

  it("still kills the whole process tree of a job running as a slot uid", async () => {
    const { workRoot, runnerRoot, executor } = await asNobody();
    const { client, running } = runShell('sleep 300 & echo "pids $$ $!"; wait', {}, undefined, {
      executor,
      workRoot: runnerRoot,
    });
    await waitFor(() => /pids \d+ \d+\n/.test(client.log.toString()));
    const [bash, sleeper] = /pids (\d+) (\d+)/
      .exec(client.log.toString())!
      .slice(1)
      .map(Number) as [number, number];
    expect(fs.statSync(`/proc/${sleeper}`).uid).toBe(20000);
    running.stop("cancel");
    expect((await running.done).outcome).toBe("cancelled");
    expect(processGone(bash)).toBe(true);
    expect(processGone(sleeper)).toBe(true);
    fs.rmSync(workRoot, { recursive: true, force: true });
  });

  it("gives concurrent jobs different uids, so one cannot read the other's environment", async () => {
    const { workRoot, runnerRoot, executor } = await asNobody();
    const tokenA = "strjob_" + "a".repeat(43);
    const a = runShell(
      'echo "pid $$ uid $(id -u)"; sleep 300',
      { id: 1, token: tokenA },
      undefined,
      {
        executor,
        workRoot: runnerRoot,
      },
    );
    await waitFor(() => /pid \d+ uid \d+\n/.test(a.client.log.toString()));
    const [pidA, uidA] = /pid (\d+) uid (\d+)/.exec(a.client.log.toString())!.slice(1).map(Number);
    const script = [
      `tr '\\0' '\\n' < /proc/${pidA}/environ 2>/dev/null | grep STRATA_JOB_TOKEN || echo no-environ`,
      `kill -0 ${pidA} 2>/dev/null || echo no-signal`,
      'echo "uid $(id -u)"',
    ].join("\n");
    const b = runShell(script, { id: 2, token: "strjob_" + "b".repeat(43) }, undefined, {
      executor,
      workRoot: runnerRoot,
    });
    expect((await b.running.done).outcome).toBe("succeeded");
    const logB = b.client.log.toString();
    expect(logB).toContain("no-environ\nno-signal\n");
    expect(logB).not.toContain(tokenA);
    expect(uidA).toBe(20000);
    expect(logB).toContain("uid 20001\n");
    a.running.stop("cancel");
    expect((await a.running.done).outcome).toBe("cancelled");
    fs.rmSync(workRoot, { recursive: true, force: true });
  });

  it("lets the job read its script under the server's umask (077)", async () => {
    const { workRoot, runnerRoot, executor } = await asNobody();
    const previous = process.umask(0o077);
    try {
      const { client, running } = runShell("echo read-my-script", {}, undefined, {
        executor,
        workRoot: runnerRoot,
      });
      expect((await running.done).outcome).toBe("succeeded");
      expect(client.log.toString()).toContain("read-my-script\n");
    } finally {
      process.umask(previous);
      fs.rmSync(workRoot, { recursive: true, force: true });
    }
  });

  it("kills what a job left running in a session of its own when the job ends", async () => {
    const { workRoot, runnerRoot, executor } = await asNobody();
    const { client, running } = runShell(
      'setsid sleep 300 </dev/null >/dev/null 2>&1 & echo "left $!"',
      {},
      undefined,
      { executor, workRoot: runnerRoot },
    );
    expect((await running.done).outcome).toBe("succeeded");
    const left = Number(/left (\d+)/.exec(client.log.toString())![1]);
    expect(left).toBeGreaterThan(0);
    expect(processGone(left)).toBe(true);
    // The slot is free again, and the next job gets the same uid.
    const next = runShell('echo "uid $(id -u)"', {}, undefined, { executor, workRoot: runnerRoot });
    expect((await next.running.done).outcome).toBe("succeeded");
    expect(next.client.log.toString()).toContain("uid 20000\n");
    fs.rmSync(workRoot, { recursive: true, force: true });
  });

  it("keeps jobs on the runner's account when the user cannot reach the work root, or when told", async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-private-"));
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);
    const workRoot = path.join(privateDir, "runner");
    expect(await resolveJobUser({ setting: undefined, hasNpus: false, workRoot, log })).toBeNull();
    expect(messages[0]).toMatch(/nobody cannot reach .*strata-private-.*runner/);
    expect(await resolveJobUser({ setting: "none", hasNpus: false, workRoot, log })).toBeNull();
    expect(
      await resolveJobUser({ setting: "no-such-user-x", hasNpus: false, workRoot, log }),
    ).toBeNull();
    expect(messages.at(-1)).toMatch(/no unprivileged user no-such-user-x/);
    expect(await resolveJobUser({ setting: "root", hasNpus: false, workRoot, log })).toBeNull();
    fs.rmSync(privateDir, { recursive: true, force: true });
  });
});

describe("choosing the job user", () => {
  it("never switches users when the runner is not root", async () => {
    const messages: string[] = [];
    const user = await resolveJobUser({
      setting: "nobody",
      hasNpus: false,
      workRoot: os.tmpdir(),
      log: (m) => messages.push(m),
      isRoot: false,
    });
    expect(user).toBeNull();
    expect(messages).toEqual(["shell.user nobody ignored: only a root runner can switch users"]);
  });
});
