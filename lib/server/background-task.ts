import "server-only";

const globalForTasks = globalThis as unknown as { strataTasks?: Map<string, NodeJS.Timeout> };

/**
 * Runs `pass` now and then every `everyMs`, never two passes at once. Idempotent per `name` (dev
 * reloads and Next's several module graphs start things more than once); the timer keeps nothing
 * alive. A failing pass is logged and the next one runs as planned.
 */
export function startBackgroundTask(
  name: string,
  everyMs: number,
  pass: () => Promise<void>,
): void {
  const tasks = (globalForTasks.strataTasks ??= new Map());
  if (tasks.has(name)) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } catch (error) {
      console.error(`[strata] ${name} failed:`, error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  tasks.set(name, timer);
  void tick();
}
