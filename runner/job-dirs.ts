import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { JobDirs } from "./executors/types";

/** A fresh, private temp dir for one job: work dir, scripts, home and tmp. */
export async function makeJobDirs(root: string | undefined, jobId: number): Promise<JobDirs> {
  const parent = root ?? os.tmpdir();
  await fs.mkdir(parent, { recursive: true });
  const base = await fs.mkdtemp(path.join(parent, `job-${jobId}-`));
  const dirs = {
    root: base,
    work: path.join(base, "work"),
    scripts: path.join(base, "scripts"),
    home: path.join(base, "home"),
    tmp: path.join(base, "tmp"),
  };
  for (const dir of [dirs.work, dirs.scripts, dirs.home, dirs.tmp]) {
    await fs.mkdir(dir, { mode: 0o700 });
  }
  return dirs;
}
