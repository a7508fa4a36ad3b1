import "server-only";

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

import { writeNewFile, type BodySource } from "./write-stream";

/** A sha256 content address: 64 lower-case hex characters (no `sha256:` prefix). */
export type Sha256 = string;

export type BlobInfo = { sha256: Sha256; size: number };

export type ByteRange = { start: number; end: number }; // inclusive, as in HTTP

export type BlobSource = Readable | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export type WriteExpectation = {
  sha256?: Sha256;
  size?: number;
  /** Refuse the write once more than this many bytes have arrived. */
  maxSize?: number;
};

const sha256Pattern = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}

/**
 * Content-addressed storage shared by git LFS and the OCI registry. Blobs are immutable; a blob is
 * visible only once it is complete and verified (temp file → fsync → rename), so readers never see
 * a partial file. Another backend (S3) can implement the same shape.
 */
export interface BlobStore {
  stat(sha256: Sha256): Promise<BlobInfo | null>;
  read(sha256: Sha256, range?: ByteRange): Readable;
  /** The file behind a blob, for zero-copy serving; null for stores without local files. */
  localPath(sha256: Sha256): string | null;
  write(source: BlobSource, expect?: WriteExpectation): Promise<BlobInfo>;
  /**
   * Moves a finished temp file (from `tempPath`) into the store after verifying its digest.
   * `trusted` skips re-reading the file when the caller hashed these very bytes as it wrote them
   * (it saves a full read of multi-gigabyte uploads); the size is still checked.
   */
  adopt(
    tempFile: string,
    expect: WriteExpectation & { sha256: Sha256; trusted?: boolean },
  ): Promise<BlobInfo>;
  /** A fresh path in the store's temp area, on the same file system as the blobs. */
  tempPath(label?: string): string;
  delete(sha256: Sha256): Promise<boolean>;
  list(): AsyncIterable<BlobInfo & { modifiedAt: Date }>;
}

/** Hashes and counts bytes as they pass, refusing a stream that grows past `maxSize`. */
class HashingCounter extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  constructor(private readonly maxSize = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.maxSize) {
      done(new AppError("payload_too_large", `The upload is larger than ${this.maxSize} bytes.`));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 1024 * 1024;

async function* bytesOf(source: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  // A Node stream may carry strings (`Readable.from(["text"])`).
  for await (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

function toChunks(source: BlobSource): BodySource {
  return source instanceof ReadableStream ? source : bytesOf(source);
}

function verify(actual: BlobInfo, expect: WriteExpectation): void {
  if (expect.size !== undefined && actual.size !== expect.size) {
    throw new AppError(
      "bad_request",
      `Size mismatch: expected ${expect.size} bytes, received ${actual.size}.`,
    );
  }
  if (expect.sha256 !== undefined && actual.sha256 !== expect.sha256) {
    throw new AppError(
      "bad_request",
      `Digest mismatch: expected sha256 ${expect.sha256}, received ${actual.sha256}.`,
    );
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class FileBlobStore implements BlobStore {
  private readonly blobsDir: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.blobsDir = path.join(root, "sha256");
    this.tmpDir = path.join(root, "tmp");
    // Owner-only whatever the umask: blobs include private LFS objects and image layers.
    fs.mkdirSync(this.blobsDir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  private pathOf(sha256: Sha256): string {
    if (!isSha256(sha256)) throw new AppError("bad_request", "Invalid sha256 digest.");
    return path.join(this.blobsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  localPath(sha256: Sha256): string {
    return this.pathOf(sha256);
  }

  tempPath(label = "upload"): string {
    return path.join(this.tmpDir, `${label}-${randomUUID()}`);
  }

  async stat(sha256: Sha256): Promise<BlobInfo | null> {
    try {
      const stats = await fsp.stat(this.pathOf(sha256));
      return { sha256, size: stats.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  read(sha256: Sha256, range?: ByteRange): Readable {
    return fs.createReadStream(this.pathOf(sha256), {
      start: range?.start,
      end: range?.end,
      highWaterMark: 1024 * 1024,
    });
  }

  async write(source: BlobSource, expect: WriteExpectation = {}): Promise<BlobInfo> {
    const temp = this.tempPath("write");
    try {
      const info = await writeNewFile(temp, toChunks(source), {
        batchBytes: writeBatchBytes,
        ...(expect.maxSize !== undefined ? { maxSize: expect.maxSize } : {}),
      });
      verify(info, expect);
      await this.publish(temp, info.sha256);
      return info;
    } finally {
      await fsp.rm(temp, { force: true });
    }
  }

  async adopt(
    tempFile: string,
    expect: WriteExpectation & { sha256: Sha256; trusted?: boolean },
  ): Promise<BlobInfo> {
    if (expect.trusted) {
      const info = { sha256: expect.sha256, size: (await fsp.stat(tempFile)).size };
      verify(info, expect);
      await this.publish(tempFile, info.sha256);
      return info;
    }
    const counter = new HashingCounter(expect.maxSize);
    await pipeline(
      fs.createReadStream(tempFile, { highWaterMark: 1024 * 1024 }),
      counter,
      async function* (source) {
        for await (const _chunk of source) {
          // only hashing
        }
      },
    );
    const info = { sha256: counter.hash.digest("hex"), size: counter.size };
    verify(info, expect);
    await this.publish(tempFile, info.sha256);
    return info;
  }

  /**
   * Makes a verified temp file visible under its digest. When the blob already exists it is kept
   * as it is and the temp file is removed: either way the temp file is consumed.
   */
  private async publish(temp: string, sha256: Sha256): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.stat(sha256)) {
      await fsp.rm(temp, { force: true });
      return;
    }
    await fsyncFile(temp);
    // An adopted temp file may come from a writer with a laxer mode.
    await fsp.chmod(temp, 0o600);
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await fsp.rename(temp, target);
  }

  async delete(sha256: Sha256): Promise<boolean> {
    try {
      await fsp.unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<BlobInfo & { modifiedAt: Date }> {
    for (const a of await fsp.readdir(this.blobsDir).catch(() => [] as string[])) {
      for (const b of await fsp.readdir(path.join(this.blobsDir, a)).catch(() => [] as string[])) {
        const dir = path.join(this.blobsDir, a, b);
        for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
          if (!isSha256(name)) continue;
          const stats = await fsp.stat(path.join(dir, name)).catch(() => null);
          if (stats) yield { sha256: name, size: stats.size, modifiedAt: stats.mtime };
        }
      }
    }
  }
}

const globalForBlobs = globalThis as unknown as {
  strataBlobs?: { root: string; store: BlobStore };
};

export function getBlobStore(): BlobStore {
  const root = path.join(getConfig().dataDir, "blobs");
  if (globalForBlobs.strataBlobs?.root !== root) {
    globalForBlobs.strataBlobs = { root, store: new FileBlobStore(root) };
  }
  return globalForBlobs.strataBlobs.store;
}
