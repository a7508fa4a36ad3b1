import fs from "node:fs";
import path from "node:path";

import { groupAlive } from "./command-runner";

const groupsFile = "process-groups";

/** Notes a process group a job started, so that a later runner start can clean up after a crash. */
export function recordProcessGroup(jobRoot: string, jobId: number, pgid: number): void {
  fs.appendFileSync(path.join(jobRoot, groupsFile), `${pgid} ${jobId}\n`);
}

/** Whether a live member of the group still carries the job's id in its environment (pids get reused). */
function belongsToJob(pgid: number, jobId: number): boolean {
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const [, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) !== pgid) continue;
      const env = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (env.includes(`STRATA_JOB_ID=${jobId}`)) return true;
    } catch {
      // gone, or not ours to read
    }
  }
  return false;
}

/**
 * After a crash (`kill -9`, power loss) a runner's job processes may still be running, holding
 * NPUs and work dirs. At start the runner kills what its previous life left in its work root —
 * only groups whose processes still carry that job's id — and removes the old job dirs.
 */
export function killLeftoverJobs(
  runnerRoot: string,
  log: (message: string) => void = () => {},
): number {
  let killed = 0;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(runnerRoot);
  } catch {
    return 0;
  }
  for (const entry of entries.filter((e) => e.startsWith("job-"))) {
    const jobRoot = path.join(runnerRoot, entry);
    let lines: string[] = [];
    try {
      lines = fs.readFileSync(path.join(jobRoot, groupsFile), "utf8").split("\n").filter(Boolean);
    } catch {
      // no processes were started
    }
    for (const line of lines) {
      const [pgid, jobId] = line.split(" ").map(Number) as [number, number];
      if (process.platform === "linux" && groupAlive(pgid) && belongsToJob(pgid, jobId)) {
        try {
          process.kill(-pgid, "SIGKILL");
          killed += 1;
          log(`killed process group ${pgid} left over from job ${jobId}`);
        } catch {
          // already gone
        }
      }
    }
    fs.rmSync(jobRoot, { recursive: true, force: true });
  }
  return killed;
}
