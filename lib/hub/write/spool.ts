import "server-only";

import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

import { AppError } from "@/lib/errors";
import type { BlobSource } from "@/lib/storage/blob-store";

/** Where a file's content comes from in a server-side commit. */
export type FileSource =
  /** A finished file, e.g. an upload streamed to `getBlobStore().tempPath()`. It is consumed: moved into the blob store or deleted. */
  | { tempFile: string; sha256?: string }
  /** A stream, written to a temp file while it is hashed (never held in memory). */
  | { stream: BlobSource }
  /** Small inline content (HF NDJSON `file` lines, templates). */
  | { content: string | Uint8Array };

export type SpooledFile = { file: string; size: number; sha256: string | null };

class Sha256Counter extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }
}

function toReadable(source: BlobSource): Readable {
  // Node's web ReadableStream is async iterable, so Readable.from covers it too.
  return source instanceof Readable ? source : Readable.from(source as AsyncIterable<Uint8Array>);
}

/** Writes a source to `target` (created exclusively), hashing it on the way. */
export async function spoolSource(source: FileSource, target: string): Promise<SpooledFile> {
  if ("tempFile" in source) {
    if (/[\0-\x1f]/.test(source.tempFile))
      throw new AppError("bad_request", "Invalid temp file name.");
    const stats = await fsp.stat(source.tempFile).catch(() => null);
    if (!stats?.isFile())
      throw new AppError("bad_request", "An uploaded file is missing; upload it again.");
    return { file: source.tempFile, size: stats.size, sha256: source.sha256 ?? null };
  }
  if ("content" in source) {
    const data = Buffer.from(source.content);
    await fsp.writeFile(target, data, { flag: "wx" });
    return {
      file: target,
      size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
    };
  }
  const counter = new Sha256Counter();
  await pipeline(toReadable(source.stream), counter, fs.createWriteStream(target, { flags: "wx" }));
  return { file: target, size: counter.size, sha256: counter.hash.digest("hex") };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file, {
    highWaterMark: 1024 * 1024,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
  }
  return hash.digest("hex");
}
