import "server-only";

import type { AsyncBuffer } from "hyparquet";

import { AppError } from "@/lib/errors";
import { openFile, type RepoRef } from "@/lib/hub";

/**
 * A file at a commit as hyparquet's AsyncBuffer: every slice is a byte range read from git or the
 * LFS store, so only the footer and the row groups a page needs are read. `budget` caps the bytes
 * one request may read, so a page of a file with huge row groups is refused instead of buffered.
 */
export function rangeReader(
  repo: RepoRef,
  file: { commit: string; path: string; size: number },
  budget: { bytes: number },
): AsyncBuffer {
  return {
    byteLength: file.size,
    async slice(start: number, end?: number) {
      const last = Math.min(end ?? file.size, file.size) - 1;
      if (last < start) return new ArrayBuffer(0);
      budget.bytes -= last - start + 1;
      if (budget.bytes < 0) {
        throw new AppError(
          "payload_too_large",
          `"${file.path}" has row groups too large to preview; download the file to read it.`,
        );
      }
      const { stream } = await openFile(repo, {
        rev: file.commit,
        path: file.path,
        range: { start, end: last },
      });
      const bytes = new Uint8Array(last - start + 1);
      let offset = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      return bytes.buffer;
    },
  };
}
