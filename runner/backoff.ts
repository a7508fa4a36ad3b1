/**
 * Exponential backoff with full jitter (a random delay between 0 and the exponential cap), so that
 * many runners that lost the server at the same moment do not come back at the same moment.
 */
export function backoffDelay(
  failures: number,
  options: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 60_000;
  const cap = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  // Never zero: keep a floor of a tenth of the cap so a tight loop cannot form.
  return Math.round(cap * (0.1 + 0.9 * (options.random ?? Math.random)()));
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
