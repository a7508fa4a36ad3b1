import "server-only";

import { createHash } from "node:crypto";
import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";
import { writeStreamAt } from "@/lib/storage/write-stream";

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 4 * 1024 * 1024;

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
  try {
    const size = await writeStreamAt(handle, body, 0, {
      batchBytes: writeBatchBytes,
      onChunk: (chunk) => {
        seen += chunk.byteLength;
        if (seen > maxSize)
          throw new AppError("payload_too_large", `The file is larger than ${maxSize} bytes.`);
        hash.update(chunk);
      },
    });
    return { size, sha256: hash.digest("hex") };
  } finally {
    await handle.close();
  }
}
