import "server-only";

import type fsp from "node:fs/promises";

/**
 * Writes a web stream into an open file from `position` on and returns how many bytes it wrote.
 * Memory stays flat: chunks are gathered into batches of about `batchBytes`, and one batch is
 * written while the next is received, so at most two batches are held. `onChunk` sees every chunk
 * in order before it is queued (to hash it, or to throw when a size limit is passed); on any error
 * the stream is cancelled and the error thrown once the write in flight has settled.
 */
export async function writeStreamAt(
  handle: fsp.FileHandle,
  body: ReadableStream<Uint8Array>,
  position: number,
  options: { batchBytes: number; onChunk?: (chunk: Uint8Array) => void },
): Promise<number> {
  const start = position;
  let writing: Promise<void> = Promise.resolve();
  let batch: Uint8Array[] = [];
  let batched = 0;
  const writeBatch = async () => {
    const [chunks, at, size] = [batch, position, batched];
    [batch, batched, position] = [[], 0, position + size];
    await writing;
    writing = writeFully(handle, chunks, at, size);
    writing.catch(() => undefined); // awaited at the next batch or at the end
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      options.onChunk?.(value);
      batch.push(value);
      batched += value.byteLength;
      if (batched >= options.batchBytes) await writeBatch();
    }
    if (batched > 0) await writeBatch();
    await writing;
    return position - start;
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await writing.catch(() => undefined);
    throw error;
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
