import "server-only";

import { writeNewFile, type WrittenFile } from "@/lib/storage/write-stream";

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 4 * 1024 * 1024;

/**
 * Streams a request body into a new file (created exclusively), hashing it on the way. A body
 * larger than `maxSize` is cut off with a 413; the caller removes the file on any error.
 */
export function writeBodyToFile(
  body: ReadableStream<Uint8Array>,
  file: string,
  maxSize: number,
): Promise<WrittenFile> {
  return writeNewFile(file, body, { batchBytes: writeBatchBytes, maxSize });
}
