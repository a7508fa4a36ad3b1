import "server-only";

import { findJobLogState } from "@/db/queries/job-logs";
import { finalJobStates, type JobState } from "@/db/schema/job-enums";

import { readJobLogChunk } from "./log-store";
import { waitForJobChange } from "./notifier";

const eventChunkBytes = 64 * 1024;
const recheckMs = 1_000;
const keepAliveMs = 15_000;

const isFinal = (state: JobState) => (finalJobStates as readonly string[]).includes(state);

/**
 * How many bytes of `chunk` end on a whole UTF-8 character, so that an event never splits one
 * (the rest is sent with the next event).
 */
export function completeUtf8Length(chunk: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

function sseEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Server-sent events for a job's log: a `state` event with the job's state first and whenever it
 * changes, the stored log from `from`, then appends as they arrive, then an `end` event with the
 * final state, and the stream closes. Each `log` event's data is the
 * text (JSON string) and its id the byte offset after it, so an EventSource that reconnects with
 * `Last-Event-ID` resumes exactly. A notifier wake-up or a once-a-second re-check (for appends
 * received by another server instance) drives it; comments keep proxies from timing it out.
 */
export function jobLogEventStream(
  jobId: number,
  from: number,
  requestSignal: AbortSignal,
): ReadableStream<Uint8Array> {
  const cancelled = new AbortController();
  const signal = AbortSignal.any([requestSignal, cancelled.signal]);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let offset = from;
  let lastSent = Date.now();
  let lastState: JobState | null = null;

  async function nextEvents(): Promise<string | null> {
    for (;;) {
      if (signal.aborted) return null;
      const log = await findJobLogState(jobId);
      if (!log) return sseEvent("end", { state: null, size: offset });
      offset = Math.min(offset, log.size);
      if (log.state !== lastState) {
        // The page's state badge follows these (queued → running → …) without polling.
        lastState = log.state;
        lastSent = Date.now();
        return sseEvent("state", { state: log.state });
      }
      if (offset < log.size) {
        const chunk = await readJobLogChunk(
          jobId,
          offset,
          Math.min(log.size, offset + eventChunkBytes),
        );
        const more = offset + chunk.length < log.size || !isFinal(log.state);
        const length = more ? completeUtf8Length(chunk) : chunk.length;
        if (length > 0) {
          offset += length;
          lastSent = Date.now();
          return sseEvent("log", decoder.decode(chunk.subarray(0, length)), offset);
        }
      }
      if (isFinal(log.state) && offset >= log.size)
        return sseEvent("end", { state: log.state, size: log.size });
      await waitForJobChange(jobId, recheckMs, signal);
      if (Date.now() - lastSent >= keepAliveMs) {
        lastSent = Date.now();
        return ": keep-alive\n\n";
      }
    }
  }

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("retry: 3000\n\n"));
    },
    async pull(controller) {
      const text = await nextEvents();
      if (text === null) return controller.close();
      controller.enqueue(encoder.encode(text));
      if (text.startsWith("event: end")) controller.close();
    },
    cancel() {
      cancelled.abort();
    },
  });
}

export const sseHeaders = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/** Where to resume: `Last-Event-ID` (EventSource reconnect) or `?offset=`; 0 otherwise. */
export function resumeOffset(request: Request): number {
  const raw =
    request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("offset") ?? "0";
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
