import { EventEmitter } from "node:events";

/**
 * In-process wake-ups: a waiting poll hears at once that a job was queued, a log stream that bytes
 * arrived. Purely a latency optimisation — every waiter also re-checks the database on a timer, so
 * several server instances (which do not hear each other) stay correct.
 */
const globalForNotifier = globalThis as unknown as { strataJobEvents?: EventEmitter };

function events(): EventEmitter {
  if (!globalForNotifier.strataJobEvents) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    globalForNotifier.strataJobEvents = emitter;
  }
  return globalForNotifier.strataJobEvents;
}

const queueEvent = "queue";
const jobEvent = (jobId: number) => `job:${jobId}`;

/** A job became claimable (enqueued, requeued, or a runner freed capacity). */
export function notifyQueueChanged(): void {
  events().emit(queueEvent);
}

/** A job's log grew or its state changed. */
export function notifyJobChanged(jobId: number): void {
  events().emit(jobEvent(jobId));
}

function waitFor(event: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      events().off(event, done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    events().once(event, done);
    signal?.addEventListener("abort", done, { once: true });
  });
}

export function waitForQueueChange(timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return waitFor(queueEvent, timeoutMs, signal);
}

export function waitForJobChange(
  jobId: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return waitFor(jobEvent(jobId), timeoutMs, signal);
}
