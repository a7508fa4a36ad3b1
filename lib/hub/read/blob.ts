import "server-only";

import { Readable } from "node:stream";

import { AppError } from "@/lib/errors";
import { entryNotFound, lfsNotServed } from "@/lib/hub/errors";
import { objectContents, objectInfo } from "@/lib/hub/git/cat-file-pool";
import { spawnGit } from "@/lib/hub/git/run";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef, TreeEntry } from "@/lib/hub/types";
import { getBlobStore, type ByteRange } from "@/lib/storage/blob-store";

import { servesLfsObject } from "../lfs/served";

import { requireRevisionIn } from "./revisions";
import { normalizeTreePath, statPathIn } from "./tree";

/** Blobs up to this size come through the repo's shared cat-file process; larger ones stream from their own. */
const inlineBlobBytes = 256 * 1024;

export type BlobStream = { size: number; stream: Readable };

function checkRange(range: ByteRange | undefined, size: number): void {
  if (!range) return;
  const valid =
    Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0;
  if (!valid || range.start > range.end || range.end >= size) {
    throw new AppError(
      "range_not_satisfiable",
      `The range ${range.start}-${range.end} is outside the file (${size} bytes).`,
      {
        headers: { "Content-Range": `bytes */${size}` },
      },
    );
  }
}

/** Streams `[start, end]` of a dedicated `git cat-file blob` process, stopping git once enough was read. */
async function* streamBlobProcess(
  gitDir: string,
  oid: string,
  start: number,
  end: number,
): AsyncGenerator<Buffer> {
  const child = spawnGit({ gitDir, args: ["cat-file", "blob", oid] });
  child.stdin.end();
  child.stderr.resume();
  let position = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const from = Math.max(0, start - position);
      const to = Math.min(chunk.length, end + 1 - position);
      position += chunk.length;
      if (to > from) yield chunk.subarray(from, to);
      if (position > end) return;
    }
    if (position <= end) throw new Error(`git cat-file blob ${oid} ended after ${position} bytes`);
  } finally {
    child.kill("SIGKILL");
  }
}

/** Opens a git blob by oid, optionally a byte range of it (inclusive, as in HTTP). */
export async function openGitBlob(
  gitDir: string,
  oid: string,
  range?: ByteRange,
  /** The blob's size when the caller already knows it (from a tree listing): saves a round trip. */
  knownSize?: number,
): Promise<BlobStream> {
  const size = knownSize ?? (await blobSize(gitDir, oid));
  checkRange(range, size);
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  if (size <= inlineBlobBytes) {
    const object = await objectContents(gitDir, oid);
    if (!object) throw new AppError("not_found", "The file's content is missing.");
    return { size: size, stream: Readable.from([object.data.subarray(start, end + 1)]) };
  }
  return { size: size, stream: Readable.from(streamBlobProcess(gitDir, oid, start, end)) };
}

async function blobSize(gitDir: string, oid: string): Promise<number> {
  const info = await objectInfo(gitDir, oid);
  if (!info || info.type !== "blob")
    throw new AppError("not_found", "The file's content is missing.");
  return info.size;
}

/** A blob's bytes, for files small enough to show; a 413 above `maxBytes` (nothing is read then). */
async function readGitBlob(gitDir: string, oid: string, maxBytes: number): Promise<Buffer> {
  const info = await objectInfo(gitDir, oid);
  if (!info || info.type !== "blob")
    throw new AppError("not_found", "The file's content is missing.");
  if (info.size > maxBytes)
    throw new AppError("payload_too_large", `The file is larger than ${maxBytes} bytes.`);
  const object = await objectContents(gitDir, oid, maxBytes);
  if (!object) throw new AppError("not_found", "The file's content is missing.");
  return object.data;
}

export type OpenedFile = BlobStream & { commit: string; entry: TreeEntry };

async function requireFileEntry(repo: RepoRef, rev: string, rawPath: string) {
  const gitDir = await requireRepo(repo);
  const path = normalizeTreePath(rawPath);
  const { commit } = await requireRevisionIn(gitDir, rev);
  const entry = await statPathIn(gitDir, commit, path);
  if (!entry || entry.type !== "file" || entry.mode === "160000") throw entryNotFound(path, rev);
  return { gitDir, commit, entry };
}

async function openEntry(
  repo: RepoRef,
  gitDir: string,
  entry: TreeEntry,
  range?: ByteRange,
): Promise<BlobStream> {
  if (!entry.lfs) return openGitBlob(gitDir, entry.oid, range, entry.size);
  if (!(await servesLfsObject(repo, entry.lfs))) throw lfsNotServed(entry.path);
  const store = getBlobStore();
  const stored = await store.stat(entry.lfs.oid);
  if (!stored)
    throw new AppError("not_found", `The LFS content of "${entry.path}" is not in storage.`);
  checkRange(range, stored.size);
  return { size: stored.size, stream: store.read(entry.lfs.oid, range) };
}

/**
 * Opens a file's real content at a revision: git blobs from git, LFS files from the blob store.
 * `size` is the whole file's size; the stream holds only `range` when one is given.
 */
export async function openFile(
  repo: RepoRef,
  options: { rev: string; path: string; range?: ByteRange },
): Promise<OpenedFile> {
  const { gitDir, commit, entry } = await requireFileEntry(repo, options.rev, options.path);
  return { commit, entry, ...(await openEntry(repo, gitDir, entry, options.range)) };
}

/**
 * The bytes of a small file at a revision (README, config.json …); LFS content comes from the blob
 * store. A pointer to LFS content this repository may not serve reads as the pointer's own text
 * (as the Hub shows it), with `lfsWithheld` set.
 */
export async function readFileBytes(
  repo: RepoRef,
  options: { rev: string; path: string; maxBytes: number },
): Promise<{ commit: string; entry: TreeEntry; data: Buffer; lfsWithheld?: true }> {
  const { gitDir, commit, entry } = await requireFileEntry(repo, options.rev, options.path);
  if (entry.lfs && !(await servesLfsObject(repo, entry.lfs))) {
    const data = await readGitBlob(gitDir, entry.oid, options.maxBytes);
    return { commit, entry, data, lfsWithheld: true };
  }
  if (entry.size > options.maxBytes) {
    throw new AppError("payload_too_large", `The file is larger than ${options.maxBytes} bytes.`);
  }
  if (!entry.lfs)
    return { commit, entry, data: await readGitBlob(gitDir, entry.oid, options.maxBytes) };
  const chunks: Buffer[] = [];
  for await (const chunk of (await openEntry(repo, gitDir, entry)).stream as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return { commit, entry, data: Buffer.concat(chunks) };
}

/** Git's heuristic: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(data: Uint8Array): boolean {
  return data.subarray(0, 8000).includes(0);
}
