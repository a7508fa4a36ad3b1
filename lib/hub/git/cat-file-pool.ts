import "server-only";

import { CatFileError, CatFileProcess, type ObjectContents, type ObjectInfo } from "./cat-file";

/**
 * A pool of long-lived `cat-file` processes, one per repository, closed after a while without
 * use and capped in number (the least recently used idle process makes room for a new one).
 * The cap is soft: when every process is busy a new one still starts, and the surplus is closed
 * once it goes idle.
 */

type PoolOptions = { maxProcesses: number; idleMs: number };

type Pool = {
  processes: Map<string, CatFileProcess>;
  options: PoolOptions;
  spawned: number;
  sweeper: NodeJS.Timeout | null;
};

const globalForPool = globalThis as unknown as { strataCatFilePool?: Pool };

function pool(): Pool {
  globalForPool.strataCatFilePool ??= {
    processes: new Map(),
    options: { maxProcesses: 16, idleMs: 30_000 },
    spawned: 0,
    sweeper: null,
  };
  return globalForPool.strataCatFilePool;
}

export function configureCatFilePool(options: Partial<PoolOptions>): void {
  const p = pool();
  p.options = { ...p.options, ...options };
  if (p.sweeper) clearInterval(p.sweeper);
  p.sweeper = null;
}

function sweep(p: Pool): void {
  const now = Date.now();
  for (const [gitDir, proc] of p.processes) {
    if (!proc.alive || (!proc.busy && now - proc.lastUsed >= p.options.idleMs)) {
      proc.close();
      p.processes.delete(gitDir);
    }
  }
  const overCap = p.processes.size - p.options.maxProcesses;
  if (overCap > 0) evictIdle(p, overCap);
  if (p.processes.size === 0 && p.sweeper) {
    clearInterval(p.sweeper);
    p.sweeper = null;
  }
}

function evictIdle(p: Pool, count: number): void {
  const idle = [...p.processes.entries()]
    .filter(([, proc]) => !proc.busy)
    .sort((a, b) => a[1].lastUsed - b[1].lastUsed)
    .slice(0, count);
  for (const [gitDir, proc] of idle) {
    proc.close();
    p.processes.delete(gitDir);
  }
}

function acquire(gitDir: string): CatFileProcess {
  const p = pool();
  const existing = p.processes.get(gitDir);
  if (existing?.alive) return existing;
  if (existing) p.processes.delete(gitDir);
  if (p.processes.size >= p.options.maxProcesses)
    evictIdle(p, p.processes.size - p.options.maxProcesses + 1);
  const proc = new CatFileProcess(gitDir);
  p.spawned += 1;
  p.processes.set(gitDir, proc);
  if (!p.sweeper) {
    p.sweeper = setInterval(() => sweep(p), Math.max(250, Math.floor(p.options.idleMs / 2)));
    p.sweeper.unref();
  }
  return proc;
}

/** Runs a read on the repo's process; if the process died under it, retries once on a fresh one. */
async function withProcess<T>(
  gitDir: string,
  read: (proc: CatFileProcess) => Promise<T>,
): Promise<T> {
  const proc = acquire(gitDir);
  try {
    return await read(proc);
  } catch (error) {
    if (!(error instanceof CatFileError) || proc.alive) throw error;
    return read(acquire(gitDir));
  }
}

export function objectInfo(gitDir: string, name: string): Promise<ObjectInfo | null> {
  return withProcess(gitDir, (proc) => proc.info(name));
}

export function objectContents(
  gitDir: string,
  name: string,
  maxSize?: number,
): Promise<ObjectContents | null> {
  return withProcess(gitDir, (proc) => proc.contents(name, maxSize));
}

/** Closes the repository's process, e.g. before the repository is moved or deleted. */
export function closeCatFile(gitDir: string): void {
  const p = pool();
  p.processes.get(gitDir)?.close();
  p.processes.delete(gitDir);
}

export function closeAllCatFiles(): void {
  for (const gitDir of [...pool().processes.keys()]) closeCatFile(gitDir);
}

export function catFilePoolStats(): {
  spawned: number;
  open: { gitDir: string; pid?: number; busy: boolean }[];
} {
  const p = pool();
  return {
    spawned: p.spawned,
    open: [...p.processes.values()].map((proc) => ({
      gitDir: proc.gitDir,
      pid: proc.pid,
      busy: proc.busy,
    })),
  };
}
