import "server-only";

import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

import type { LogWriter } from "@/db/queries/job-logs";
import { getConfig } from "@/lib/config";

/**
 * Job logs: one append-only file per job under the data dir. The committed size lives in the
 * database (`jobs.log_size`); writers write at that offset under the database write lock and
 * readers never read past it, so a write that failed half-way is invisible and later overwritten.
 */
function jobLogPath(jobId: number): string {
  return path.join(getConfig().dataDir, "jobs", "logs", `${jobId}.log`);
}

export const writeJobLog: LogWriter = (jobId, offset, bytes) => {
  const file = jobLogPath(jobId);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
  try {
    let written = 0;
    while (written < bytes.length) {
      written += fs.writeSync(fd, bytes, written, bytes.length - written, offset + written);
    }
  } finally {
    fs.closeSync(fd);
  }
};

/** Streams bytes [start, end) of a job's log; an empty stream when there is nothing to read. */
export function readJobLog(jobId: number, start: number, end: number): Readable {
  // Nothing logged yet: the file may not even exist.
  if (end <= start) return Readable.from([]);
  return fs.createReadStream(jobLogPath(jobId), { start, end: end - 1, highWaterMark: 64 * 1024 });
}

/** Reads [start, end) into memory; for the live stream, which sends at most `end - start` ≤ a chunk. */
export async function readJobLogChunk(jobId: number, start: number, end: number): Promise<Buffer> {
  if (end <= start) return Buffer.alloc(0);
  const handle = await fs.promises.open(jobLogPath(jobId), "r");
  try {
    const buffer = Buffer.alloc(end - start);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}
