import "server-only";

const globalForLocks = globalThis as unknown as { strataHubLocks?: Map<string, Promise<unknown>> };

/**
 * Runs `task` after every earlier task with the same key has settled (an in-process queue per
 * key). Only an optimisation to avoid wasted attempts; correctness never depends on it.
 */
export async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalForLocks.strataHubLocks ??= new Map<string, Promise<unknown>>());
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}
