import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";

import type { JobDirs } from "./executors/types";

const exec = promisify(execFile);

/** The unprivileged account shell jobs run as, instead of the runner's own (root) account. */
export type JobUser = { name: string; uid: number; gid: number };

/** The Ascend driver's account: it may open /dev/davinci*, which nobody may not. */
const npuUser = "HwHiAiUser";

async function lookupUser(name: string): Promise<JobUser | null> {
  try {
    const [uid, gid] = await Promise.all([
      exec("id", ["-u", name]).then((r) => Number(r.stdout.trim())),
      exec("id", ["-g", name]).then((r) => Number(r.stdout.trim())),
    ]);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

/** Whether `user` can enter `dir` (every parent must let it pass), tested as that user. */
async function canReach(user: JobUser, dir: string): Promise<boolean> {
  try {
    await exec("/bin/sh", ["-c", 'test -x "$0"', dir], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whom shell jobs run as. Only a runner running as root can switch users; then the
 * configured user (`shell.user`), else `HwHiAiUser` on an NPU runner when it exists, else `nobody`.
 * `"none"` keeps jobs on the runner's account. The user must be able to reach the work root
 * (which is made traversable for it); otherwise jobs stay on the runner's account and `log` says why.
 */
export async function resolveJobUser(input: {
  setting: string | null | undefined;
  hasNpus: boolean;
  workRoot: string;
  log: (message: string) => void;
  isRoot?: boolean;
}): Promise<JobUser | null> {
  const isRoot = input.isRoot ?? process.getuid?.() === 0;
  if (input.setting === "none") return null;
  if (!isRoot) {
    if (input.setting)
      input.log(`shell.user ${input.setting} ignored: only a root runner can switch users`);
    return null;
  }
  const candidates = input.setting
    ? [input.setting]
    : input.hasNpus
      ? [npuUser, "nobody"]
      : ["nobody"];
  let user: JobUser | null = null;
  for (const name of candidates) {
    user = await lookupUser(name);
    if (user) break;
  }
  if (!user || user.uid === 0) {
    input.log(
      `no unprivileged user ${candidates.join(" or ")} on this host: shell jobs run as root`,
    );
    return null;
  }
  await fs.mkdir(input.workRoot, { recursive: true });
  // Others may pass through the work root to their job's dir, but not list it.
  await fs.chmod(input.workRoot, 0o711);
  if (!(await canReach(user, input.workRoot))) {
    input.log(
      `${user.name} cannot reach ${input.workRoot} (a parent directory is private): shell jobs run as root; set workDir elsewhere, e.g. under /var/tmp`,
    );
    return null;
  }
  return user;
}

/**
 * Hands a fresh job's dirs to the job user: the work dir, home and tmp become its own (mode 0700).
 * The job root (the runner's log spool) and the scripts dir stay the runner's and only let it pass
 * through, so the job can read its scripts but never plant a link where the runner writes next.
 */
export async function handDirsTo(user: JobUser, dirs: JobDirs): Promise<void> {
  await fs.chmod(dirs.root, 0o711);
  await fs.chmod(dirs.scripts, 0o711);
  for (const dir of [dirs.work, dirs.home, dirs.tmp]) await fs.chown(dir, user.uid, user.gid);
}

/**
 * Deletes what the job user owned as that user, so that a link or a rename the job left behind
 * cannot make the runner (root) delete anything outside the job; the runner then removes the rest.
 */
export async function removeDirsAs(user: JobUser, dirs: JobDirs): Promise<void> {
  try {
    await exec("rm", ["-rf", "--", dirs.work, dirs.home, dirs.tmp], {
      uid: user.uid,
      gid: user.gid,
      cwd: "/",
    });
  } catch {
    // Whatever the job made undeletable for itself is left to the runner's own removal.
  }
}
