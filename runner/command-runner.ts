import { spawn } from "node:child_process";
import fs from "node:fs";

import { sleep } from "./backoff";

export type CommandSpec = {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Run as this user and group (the runner must be root); default: the runner's own. */
  uid?: number;
  gid?: number;
  /** Written to the command's stdin, which is then closed (e.g. a password for `--password-stdin`). */
  stdin?: string;
  onOutput?: (chunk: Buffer) => void;
  /** Aborting stops the command: SIGTERM to its whole process group, SIGKILL after `killGraceMs`. */
  signal?: AbortSignal;
  killGraceMs?: number;
  /** Called with the process group id once the command started. */
  onSpawn?: (pgid: number) => void;
};

type CommandResult = { exitCode: number | null; signal: NodeJS.Signals | null };

/** How executors start processes; tests inject a fake that records argv instead of spawning. */
export type CommandRunner = (command: CommandSpec) => Promise<CommandResult>;

/**
 * Whether any process of the group is still alive. On Linux this reads /proc so that zombies do not
 * count: in containers whose PID 1 does not reap orphans, a killed grandchild stays a zombie forever
 * and `kill(-pgid, 0)` would report the group alive until the grace period ran out.
 */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …" — comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** SIGTERM to the group, then SIGKILL to whatever is left after `graceMs`. */
async function terminateGroup(pgid: number, graceMs: number): Promise<void> {
  signalGroup(pgid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  signalGroup(pgid, "SIGKILL");
}

/**
 * Runs a command as the leader of a new process group (`detached` = setsid), so that everything it
 * starts — a backgrounded `sleep`, a server, a compiler — can be stopped together: on abort, and
 * also after the command exits on its own, so no stray process outlives its job.
 */
export const spawnInProcessGroup: CommandRunner = (command) =>
  new Promise((resolve, reject) => {
    const child = spawn(command.file, command.args, {
      cwd: command.cwd,
      env: command.env as NodeJS.ProcessEnv,
      // Also drops supplementary groups (libuv calls setgroups(0) when switching users).
      ...(command.uid === undefined ? {} : { uid: command.uid, gid: command.gid }),
      detached: true,
      stdio: [command.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (child.pid !== undefined) command.onSpawn?.(child.pid);
    const grace = command.killGraceMs ?? 10_000;
    let terminating: Promise<void> | null = null;
    const stop = () => {
      if (child.pid !== undefined) terminating ??= terminateGroup(child.pid, grace);
    };
    command.signal?.addEventListener("abort", stop, { once: true });
    if (command.signal?.aborted) stop();
    child.stdout?.on("data", (chunk: Buffer) => command.onOutput?.(chunk));
    child.stderr?.on("data", (chunk: Buffer) => command.onOutput?.(chunk));
    if (command.stdin !== undefined) child.stdin?.end(command.stdin);
    child.on("error", (error) => {
      command.signal?.removeEventListener("abort", stop);
      reject(error);
    });
    // The leader exited: stop anything it left running in its group (which may hold our pipes open).
    child.on("exit", () => {
      if (child.pid !== undefined) terminating ??= terminateGroup(child.pid, 2_000);
    });
    child.on("close", (exitCode, signal) => {
      command.signal?.removeEventListener("abort", stop);
      const settle = () => resolve({ exitCode, signal });
      (terminating ?? Promise.resolve()).then(settle, settle);
    });
  });
