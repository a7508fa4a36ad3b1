import "server-only";

import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";

import { createBatchHash, type BatchHash } from "./hash-worker";

/** A body as route handlers get it (a web stream) or as Node streams give it (async iterable). */
export type BodySource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

type ChunkReader = {
  read(): Promise<IteratorResult<Uint8Array, undefined>>;
  cancel(): Promise<unknown>;
};

function readerOf(body: BodySource): ChunkReader {
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    return {
      read: () => reader.read() as Promise<IteratorResult<Uint8Array, undefined>>,
      cancel: () => reader.cancel(),
    };
  }
  const iterator = body[Symbol.asyncIterator]();
  return {
    read: () => iterator.next(),
    cancel: async () => iterator.return?.(),
  };
}

/**
 * Writes a body into an open file from `position` on and returns how many bytes it wrote: the one
 * write-and-hash loop of every upload (browser uploads, registry blobs, LFS objects).
 *
 * Memory stays flat: chunks are gathered into batches of about `batchBytes`, and one batch is
 * written (and, with `hash`, hashed, in the worker thread for large bodies) while the next is
 * received, so at most two batches and the hash's copy of one are held. `maxSize` cuts the body off
 * with a 413. On any error the stream is cancelled and the error thrown once the write and the
 * hashing in flight have settled.
 */
export async function writeStreamAt(
  handle: fsp.FileHandle,
  body: BodySource,
  position: number,
  options: { batchBytes: number; maxSize?: number; hash?: BatchHash },
): Promise<number> {
  const start = position;
  const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
  let writing: Promise<void> = Promise.resolve();
  let hashing: Promise<void> = Promise.resolve();
  let batch: Uint8Array[] = [];
  let batched = 0;
  const writeBatch = async () => {
    const [chunks, at, size] = [batch, position, batched];
    [batch, batched, position] = [[], 0, position + size];
    await writing;
    await hashing;
    if (options.hash) {
      hashing = options.hash.update(chunks, size);
      hashing.catch(() => undefined); // awaited at the next batch or at the end
    }
    writing = writeFully(handle, chunks, at, size);
    writing.catch(() => undefined);
  };
  const reader = readerOf(body);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (position + batched + value.byteLength - start > maxSize)
        throw new AppError("payload_too_large", `The upload is larger than ${maxSize} bytes.`);
      batch.push(value);
      batched += value.byteLength;
      if (batched >= options.batchBytes) await writeBatch();
    }
    if (batched > 0) await writeBatch();
    await writing;
    await hashing;
    return position - start;
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await writing.catch(() => undefined);
    await hashing.catch(() => undefined);
    throw error;
  }
}

export type WrittenFile = { size: number; sha256: string };

/**
 * Streams a body into a new owner-only file (created exclusively) and returns its size and sha256,
 * worked out on the way. The caller removes the file on any error.
 */
export async function writeNewFile(
  file: string,
  body: BodySource,
  options: { batchBytes: number; maxSize?: number },
): Promise<WrittenFile> {
  const hash = createBatchHash();
  try {
    const handle = await fsp.open(file, "wx", 0o600);
    let size: number;
    try {
      size = await writeStreamAt(handle, body, 0, { ...options, hash });
    } finally {
      await handle.close();
    }
    return { size, sha256: await hash.digest() };
  } finally {
    hash.dispose();
  }
}

async function writeFully(
  handle: fsp.FileHandle,
  chunks: Uint8Array[],
  at: number,
  size: number,
): Promise<void> {
  const { bytesWritten } = await handle.writev(chunks, at);
  if (bytesWritten === size) return;
  // A short vectored write (rare, e.g. a signal): finish the rest piece by piece.
  const rest = Buffer.concat(chunks).subarray(bytesWritten);
  for (let done = 0; done < rest.length;) {
    done += (await handle.write(rest, done, rest.length - done, at + bytesWritten + done))
      .bytesWritten;
  }
}
