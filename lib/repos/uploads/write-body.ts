import "server-only";

import { createHash } from "node:crypto";
import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 4 * 1024 * 1024;

export type WrittenBody = { size: number; sha256: string };

/**
 * Streams a request body into a new file (created exclusively), hashing it on the way. Memory
 * stays flat: chunks are gathered into a few-MiB batch, and one batch is written while the next
 * is received. A body larger than `maxSize` is cut off with a 413; the caller removes the file on
 * any error.
 */
export async function writeBodyToFile(
  body: ReadableStream<Uint8Array>,
  file: string,
  maxSize: number,
): Promise<WrittenBody> {
  const handle = await fsp.open(file, "wx");
  const hash = createHash("sha256");
  let size = 0;
  let writing: Promise<void> = Promise.resolve();
  let batch: Uint8Array[] = [];
  let batched = 0;
  let position = 0;
  const flush = async () => {
    const [chunks, at, length] = [batch, position, batched];
    [batch, batched, position] = [[], 0, position + length];
    await writing;
    writing = writeFully(handle, chunks, at, length);
    writing.catch(() => undefined); // awaited at the next batch or at the end
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) throw new AppError("payload_too_large", `The file is larger than ${maxSize} bytes.`);
      hash.update(value);
      batch.push(value);
      batched += value.byteLength;
      if (batched >= writeBatchBytes) await flush();
    }
    if (batched > 0) await flush();
    await writing;
    return { size, sha256: hash.digest("hex") };
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    await writing.catch(() => undefined);
    await handle.close();
  }
}

async function writeFully(handle: fsp.FileHandle, chunks: Uint8Array[], at: number, size: number): Promise<void> {
  const { bytesWritten } = await handle.writev(chunks, at);
  if (bytesWritten === size) return;
  // A short vectored write (rare): finish the rest piece by piece.
  const rest = Buffer.concat(chunks).subarray(bytesWritten);
  for (let done = 0; done < rest.length; ) {
    done += (await handle.write(rest, done, rest.length - done, at + bytesWritten + done)).bytesWritten;
  }
}
