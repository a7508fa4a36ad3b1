import fs from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

import type { JobUser } from "./job-user";

/** Where per-slot uids start unless `shell.uidBase` says otherwise (above common system and login ranges). */
export const defaultUidBase = 20000;

/**
 * Hands each concurrent shell job a uid of its own: `uidBase + slot`, with no passwd entry (HOME
 * and the rest come from the runner). Jobs under different uids cannot read each other's
 * `/proc/<pid>/environ` (and so each other's job tokens), files or signals. The group is the
 * configured job user's (e.g. HwHiAiUser, which may open the NPUs) or, by default, the uid's own.
 * A slot's uid is handed out again only after every process running as it was killed, so nothing a
 * job left behind (a `setsid` daemon) lives on into the next job.
 */
export class SlotUsers {
  private readonly taken = new Set<number>();

  constructor(private readonly options: { uidBase: number; gid?: number; name: string }) {}

  async acquire(): Promise<JobUser> {
    let slot = 0;
    while (this.taken.has(slot)) slot++;
    this.taken.add(slot);
    const uid = this.options.uidBase + slot;
    // Leftovers of a runner that crashed while this slot was busy.
    await killProcessesOf(uid);
    return { name: `${this.options.name}+slot${slot}`, uid, gid: this.options.gid ?? uid };
  }

  /**
   * Kills what runs as the slot's uid, runs `cleanup` (e.g. deleting the job's files as that uid),
   * then frees the slot. When processes survive, the slot stays taken: its uid is never reused.
   */
  /** Kills whatever the job still runs (a daemon a script step left), keeping the slot taken. */
  async stopProcesses(user: JobUser): Promise<void> {
    await killProcessesOf(user.uid);
  }

  async release(user: JobUser, cleanup: () => Promise<void> = async () => {}): Promise<void> {
    await killProcessesOf(user.uid);
    try {
      await cleanup();
    } finally {
      this.taken.delete(user.uid - this.options.uidBase);
    }
  }
}

/** Live (not zombie) processes whose real, effective, saved or file-system uid is `uid`. */
async function processesOf(uid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const status = await fs.readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const uids = /^Uid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/).map(Number) ?? [];
    const zombie = /^State:\s+Z/m.test(status);
    if (!zombie && uids.includes(uid)) found.push(Number(entry));
  }
  return found;
}

/**
 * Kills every process running as `uid`, again and again until none is left: a job may fork while
 * it is being killed, and leave processes in sessions and groups of their own, which a process-group
 * kill misses. Needs root (the runner is root whenever it switches users).
 */
async function killProcessesOf(uid: number, timeoutMs = 10_000): Promise<void> {
  if (uid === 0 || uid === process.getuid?.())
    throw new Error("refusing to kill the runner's own uid");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = await processesOf(uid);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`processes of uid ${uid} survived SIGKILL: ${pids.join(" ")}`);
    await sleep(20);
  }
}
