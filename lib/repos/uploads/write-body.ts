import "server-only";

import { createHash } from "node:crypto";
import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";
import { writeStreamAt } from "@/lib/storage/write-stream";

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 4 * 1024 * 1024;
/**
 * Every this many bytes received, what is written so far is flushed to disk in the background.
 * The commit must fsync the file before it becomes visible; without this, a large upload sits in
 * the page cache (the kernel starts writing back only at a share of RAM) and that one fsync
 * writes all of it while the user waits. Flushed as it arrives, the disk works while the network
 * does, and the commit's fsync finds only the tail.
 */
const writebackBytes = 64 * 1024 * 1024;

export type WrittenBody = { size: number; sha256: string };

/**
 * Streams a request body into a new file (created exclusively), hashing it on the way. A body
 * larger than `maxSize` is cut off with a 413; the caller removes the file on any error.
 */
export async function writeBodyToFile(
  body: ReadableStream<Uint8Array>,
  file: string,
  maxSize: number,
): Promise<WrittenBody> {
  const handle = await fsp.open(file, "wx");
  const hash = createHash("sha256");
  let seen = 0;
  let flushedAt = 0;
  // An object, not a `let`: it is set inside the chunk callback, where TS cannot follow it.
  const writeback: { pending: Promise<void> | null } = { pending: null };
  try {
    const size = await writeStreamAt(handle, body, 0, {
      batchBytes: writeBatchBytes,
      onChunk: (chunk) => {
        seen += chunk.byteLength;
        if (seen > maxSize)
          throw new AppError("payload_too_large", `The file is larger than ${maxSize} bytes.`);
        hash.update(chunk);
        if (!writeback.pending && seen - flushedAt >= writebackBytes) {
          flushedAt = seen;
          writeback.pending = handle.datasync().finally(() => (writeback.pending = null));
          // Only an early start: the commit's fsync is the one that counts.
          writeback.pending.catch(() => undefined);
        }
      },
    });
    return { size, sha256: hash.digest("hex") };
  } finally {
    await writeback.pending?.catch(() => undefined);
    await handle.close();
  }
}
