import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { FileBlobStore } from "./blob-store";
import { crashHashWorker, hashWorkerStats, minWorkerBatchBytes } from "./hash-worker";
import { writeNewFile } from "./write-stream";

const batchBytes = 4 * 1024 * 1024;
const sha = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** `data` as a stream of chunks of `chunk` bytes, yielding to the event loop between them. */
async function* chunksOf(data: Buffer, chunk: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.length; at += chunk) {
    yield data.subarray(at, at + chunk);
    await Promise.resolve();
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hash-worker-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

let files = 0;
async function upload(data: Buffer, chunk: number) {
  const file = path.join(dir, `upload-${files++}`);
  const written = await writeNewFile(file, chunksOf(data, chunk), { batchBytes });
  expect(fs.readFileSync(file).equals(data)).toBe(true);
  return written;
}

describe("hashing uploads in a worker thread", () => {
  const cases: [string, number, number][] = [
    ["0 B", 0, 1],
    ["1 B", 1, 1],
    ["just under the worker threshold", minWorkerBatchBytes - 1, 65_536],
    ["at the worker threshold", minWorkerBatchBytes, 65_536],
    ["just over the worker threshold", minWorkerBatchBytes + 1, 65_536],
    ["odd chunks, batches not aligned to them", 3 * batchBytes + 12_345, 99_991],
    ["tiny chunks", 2 * minWorkerBatchBytes + 3, 4093],
    ["20 MiB random", 20 * 1024 * 1024, 65_536],
  ];

  it.each(cases)("gives the digest crypto.createHash gives: %s", async (_name, size, chunk) => {
    const data = randomBytes(size);
    const before = hashWorkerStats();
    expect(await upload(data, chunk)).toEqual({ size, sha256: sha(data) });
    const after = hashWorkerStats();
    // The first batch is the whole body when it is smaller than a batch.
    const inWorker = Math.min(size, batchBytes) >= minWorkerBatchBytes;
    expect(after.workerBytes - before.workerBytes).toBe(inWorker ? size : 0);
    expect(after.mainBytes - before.mainBytes).toBe(inWorker ? 0 : size);
  });

  it("hashes in place with STRATA_HASH_WORKER=off, to the same digest", async () => {
    vi.stubEnv("STRATA_HASH_WORKER", "off");
    const data = randomBytes(9 * 1024 * 1024 + 7);
    const before = hashWorkerStats();
    expect(await upload(data, 65_536)).toEqual({ size: data.length, sha256: sha(data) });
    expect(hashWorkerStats().workerBytes).toBe(before.workerBytes);
  });

  it("keeps parallel uploads apart", async () => {
    const bodies = [0, 1, 2, 3].map((i) => randomBytes(6 * 1024 * 1024 + i * 1001));
    const results = await Promise.all(bodies.map((data, i) => upload(data, 50_000 + i * 777)));
    expect(results.map((r) => r.sha256)).toEqual(bodies.map(sha));
  });

  it("fails the upload a worker crash interrupts, leaving no file, and the next upload works", async () => {
    const store = new FileBlobStore(dir);
    const data = randomBytes(16 * 1024 * 1024);
    async function* crashing(): AsyncIterable<Uint8Array> {
      let sent = 0;
      for await (const chunk of chunksOf(data, 65_536)) {
        yield chunk;
        sent += chunk.byteLength;
        if (sent === 2 * batchBytes) {
          crashHashWorker();
          await sleep(200); // the worker is gone before the next batch reaches it
        }
      }
    }
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = hashWorkerStats();
    await expect(store.write(crashing())).rejects.toThrow(/hashing worker stopped/);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("hash worker crash"));
    expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
    expect(hashWorkerStats().pending).toBe(0);

    const info = await store.write(chunksOf(data, 65_536));
    expect(info).toEqual({ sha256: sha(data), size: data.length });
    expect(hashWorkerStats().started).toBe(before.started + 1);
  });

  it("holds no more than the batches in flight", async () => {
    const data = randomBytes(8 * 1024 * 1024);
    await upload(data, 65_536); // the worker and a copy buffer exist from here on
    const before = hashWorkerStats();
    const memory = process.memoryUsage().arrayBuffers;
    let peak = memory;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 5);
    try {
      // 128 MiB through one upload: memory follows the batch size, not the body.
      async function* long(): AsyncIterable<Uint8Array> {
        for (let i = 0; i < 16; i++) yield* chunksOf(data, 65_536);
      }
      const written = await writeNewFile(path.join(dir, "long"), long(), { batchBytes });
      expect(written.size).toBe(16 * data.length);
      for (let i = 0; i < 10; i++) await upload(data.subarray(0, 2 * 1024 * 1024 + i), 65_536);
    } finally {
      clearInterval(sample);
    }
    const after = hashWorkerStats();
    expect(after.buffersCreated).toBe(before.buffersCreated);
    expect(after.pending).toBe(0);
    // Two batches being received and written plus the worker's copy of one: about 12 MiB.
    expect(peak - memory).toBeLessThan(32 * 1024 * 1024);
  });

  it("lets a script wait for its digest, and then exit: an idle worker holds no process", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "test/storage/hash-worker-script.ts"],
      { timeout: 60_000 },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      ok: boolean;
      stats: { workerBytes: number };
    };
    expect(result).toMatchObject({ ok: true, stats: { workerBytes: 8 * 1024 * 1024 } });
  });
});
