import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { JobLog, type UploadAnswer } from "./job-log";

const dirs: string[] = [];
function spool(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-log-test-"));
  dirs.push(dir);
  return path.join(dir, "job.log");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A server log that accepts only appends at its end, like the real one. */
function server(initial = "") {
  const state = {
    log: Buffer.from(initial),
    calls: [] as { start: number; length: number }[],
    down: false,
  };
  const upload = (start: number, bytes: Buffer): Promise<UploadAnswer> => {
    state.calls.push({ start, length: bytes.length });
    if (state.down) return Promise.reject(new Error("ECONNREFUSED"));
    if (start !== state.log.length)
      return Promise.resolve({ status: "offset_mismatch", size: state.log.length });
    state.log = Buffer.concat([state.log, bytes]);
    return Promise.resolve({ status: "accepted", size: state.log.length, cancel: false });
  };
  return { state, upload };
}

describe("the runner's job log", () => {
  it("batches everything written between ticks into one upload, in chunks of at most chunkMax", async () => {
    const { state, upload } = server();
    const log = new JobLog(spool(), { baseOffset: 0, upload, chunkMax: 10 });
    for (const line of ["one\n", "two\n", "three\n", "four\n"]) log.write(line);
    await log.tick();
    expect(state.log.toString()).toBe("one\ntwo\nthree\nfour\n");
    expect(state.calls).toEqual([
      { start: 0, length: 10 },
      { start: 10, length: 9 },
    ]);
    log.close();
  });

  it("resumes at the server's size after a 416", async () => {
    const { state, upload } = server();
    const log = new JobLog(spool(), { baseOffset: 0, upload });
    log.write("abcdef");
    // The server already has the first 4 bytes (e.g. an earlier request's answer was lost).
    state.log = Buffer.from("abcd");
    await log.tick();
    expect(state.log.toString()).toBe("abcdef");
    expect(state.calls.map((c) => c.start)).toEqual([0, 4]);
    expect(log.serverSize).toBe(6);
    log.close();
  });

  it("starts where this attempt's log begins on the server", async () => {
    const { state, upload } = server("attempt 1 output\n[strata] requeued\n");
    const base = state.log.length;
    const log = new JobLog(spool(), { baseOffset: base, upload });
    log.write("attempt 2\n");
    await log.tick();
    expect(state.log.toString()).toBe("attempt 1 output\n[strata] requeued\nattempt 2\n");
    expect(state.calls[0]?.start).toBe(base);
    log.close();
  });

  it("keeps the bytes while the server is down and sends them once it is back", async () => {
    const { state, upload } = server();
    const log = new JobLog(spool(), { baseOffset: 0, upload });
    state.down = true;
    log.write("kept\n");
    await log.tick();
    expect(log.pending).toBe(5);
    // Backing off: an immediate second tick does not call the server.
    await log.tick();
    expect(state.calls).toHaveLength(1);
    state.down = false;
    expect(await log.flush(Date.now() + 10_000)).toBe(true);
    expect(state.log.toString()).toBe("kept\n");
    log.close();
  });

  it("resends from the size the server reports at finish (412)", async () => {
    const { state, upload } = server();
    const log = new JobLog(spool(), { baseOffset: 0, upload });
    log.write("0123456789");
    await log.tick();
    state.log = state.log.subarray(0, 4); // the server lost its tail
    log.rewindTo(4);
    await log.flush(Date.now() + 5_000);
    expect(state.log.toString()).toBe("0123456789");
    log.close();
  });

  it("stops sending when the server says the log is full or closed", async () => {
    const calls: number[] = [];
    const log = new JobLog(spool(), {
      baseOffset: 0,
      upload: (start) => {
        calls.push(start);
        return Promise.resolve({ status: "full" });
      },
    });
    log.write("x".repeat(100));
    await log.tick();
    log.write("more");
    await log.tick();
    expect(calls).toEqual([0]);
    expect(log.pending).toBe(0);
    log.close();
  });
});
