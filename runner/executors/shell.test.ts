import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { FakeClient, payload } from "@/test/jobs/fake-client";

import { groupAlive, spawnInProcessGroup } from "../command-runner";
import { startJob } from "../job-execution";
import { NpuAllocator } from "../npu-allocator";
import { shellExecutor } from "./shell";

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
) {
  const client = new FakeClient();
  const running = startJob(
    payload({ spec: { steps: [{ type: "script", script }] }, ...overrides }),
    {
      client: client.asClient(),
      executor: shellExecutor,
      run: spawnInProcessGroup,
      allocator,
      runnerName: "local",
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
