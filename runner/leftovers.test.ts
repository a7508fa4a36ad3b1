import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { groupAlive } from "./command-runner";
import { killLeftoverJobs, recordProcessGroup } from "./leftovers";

const started: number[] = [];
afterEach(() => {
  for (const pgid of started.splice(0)) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

function orphanGroup(env: Record<string, string>): number {
  const child = spawn("sleep", ["300"], {
    detached: true,
    stdio: "ignore",
    env: { PATH: process.env.PATH!, ...env } as unknown as NodeJS.ProcessEnv,
  });
  child.unref();
  started.push(child.pid!);
  return child.pid!;
}

describe("cleaning up after a crashed runner", () => {
  it("kills the job process groups a previous run left behind and removes their dirs", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "strata-runner-test-"));
    const jobRoot = path.join(root, "job-17-abc");
    fs.mkdirSync(jobRoot);
    const ours = orphanGroup({ STRATA_JOB_ID: "17" });
    // A recorded pid now used by something else (pid reuse) must be left alone.
    const stranger = orphanGroup({ STRATA_JOB_ID: "99" });
    recordProcessGroup(jobRoot, 17, ours);
    recordProcessGroup(jobRoot, 17, stranger);
    await new Promise((r) => setTimeout(r, 100));

    expect(killLeftoverJobs(root)).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive(ours)).toBe(false);
    expect(groupAlive(stranger)).toBe(true);
    expect(fs.existsSync(jobRoot)).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("does nothing when the work root does not exist", () => {
    expect(killLeftoverJobs(path.join(os.tmpdir(), "strata-no-such-dir"))).toBe(0);
  });
});
