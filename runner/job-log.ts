import fs from "node:fs";

import { backoffDelay } from "./backoff";

/** What the server said to one upload. `size` is the server's log size afterwards. */
export type UploadAnswer =
  | { status: "accepted"; size: number; cancel: boolean }
  | { status: "offset_mismatch"; size: number }
  /** The log reached the server's limit: stop sending. */
  | { status: "full" }
  /** The job is gone, ended or no longer ours: stop sending. */
  | { status: "closed" };

export type UploadChunk = (start: number, bytes: Buffer) => Promise<UploadAnswer>;

/**
 * A job's log on the runner: output is appended to a local spool file at once (so nothing is held
 * in memory and any range can be re-sent), and an uploader sends what is new about once a second,
 * up to `chunkMax` bytes per request, at byte offsets. A 416 moves it to the server's size; server
 * trouble backs off and retries; the spool keeps everything meanwhile.
 */
export class JobLog {
  private readonly fd: number;
  private localSize = 0;
  /** Absolute server offset up to which the server has our bytes. */
  private sent: number;
  private stopped = false;
  private failures = 0;
  private nextTryAt = 0;
  private sending: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  onCancel: (() => void) | null = null;

  constructor(
    private readonly file: string,
    private readonly options: {
      /** Where this attempt's log starts on the server. */
      baseOffset: number;
      upload: UploadChunk;
      intervalMs?: number;
      chunkMax?: number;
    },
  ) {
    this.fd = fs.openSync(file, "a+", 0o600);
    this.sent = options.baseOffset;
  }

  write(chunk: Buffer | string): void {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    fs.writeSync(this.fd, bytes);
    this.localSize += bytes.length;
  }

  /** Bytes of this job's log (all attempts) the server has confirmed. */
  get serverSize(): number {
    return this.sent;
  }

  get pending(): number {
    return this.stopped ? 0 : this.options.baseOffset + this.localSize - this.sent;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.intervalMs ?? 1_000);
  }

  /** One round: send everything new, chunk by chunk, unless backing off. */
  tick(): Promise<void> {
    if (this.sending || Date.now() < this.nextTryAt) return this.sending ?? Promise.resolve();
    this.sending = this.sendPending().finally(() => (this.sending = null));
    return this.sending;
  }

  /** Sends until nothing is pending, the server refuses more, or `deadline` (epoch ms) passes. */
  async flush(deadline: number): Promise<boolean> {
    while (this.pending > 0 && Date.now() < deadline) {
      await this.tick();
      if (this.pending > 0)
        await new Promise((r) =>
          setTimeout(r, Math.max(50, Math.min(this.nextTryAt - Date.now(), 1_000))),
        );
    }
    return this.pending === 0;
  }

  /** After the server reports a smaller size at finish (412): resend from there. */
  rewindTo(size: number): void {
    if (size >= this.options.baseOffset && size < this.sent) this.sent = size;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    fs.closeSync(this.fd);
  }

  private async sendPending(): Promise<void> {
    const chunkMax = this.options.chunkMax ?? 1024 * 1024;
    while (this.pending > 0) {
      const localStart = this.sent - this.options.baseOffset;
      const length = Math.min(chunkMax, this.localSize - localStart);
      const bytes = Buffer.alloc(length);
      fs.readSync(this.fd, bytes, 0, length, localStart);
      let answer: UploadAnswer;
      try {
        answer = await this.options.upload(this.sent, bytes);
      } catch {
        this.failures += 1;
        this.nextTryAt = Date.now() + backoffDelay(this.failures, { baseMs: 1_000, maxMs: 30_000 });
        return;
      }
      this.failures = 0;
      this.nextTryAt = 0;
      if (answer.status === "accepted") {
        this.sent = answer.size;
        if (answer.cancel) this.onCancel?.();
      } else if (answer.status === "offset_mismatch") {
        const end = this.options.baseOffset + this.localSize;
        // Resume at the server's size when it is within what we hold; otherwise the log is not ours.
        if (answer.size >= this.options.baseOffset && answer.size <= end) this.sent = answer.size;
        else this.stopped = true;
      } else {
        this.stopped = true;
      }
    }
  }
}
