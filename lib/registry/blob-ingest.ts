import "server-only";

import fs from "node:fs";
import fsp from "node:fs/promises";

import {
  findRegistryBlob,
  linkRegistryBlob,
  type BlobOrigin,
  type NewRegistryRepository,
} from "@/db/queries/registry";
import { AppError } from "@/lib/errors";
import { getBlobStore, type BlobInfo } from "@/lib/storage/blob-store";
import type { BatchHash } from "@/lib/storage/hash-worker";
import { writeStreamAt } from "@/lib/storage/write-stream";

import { RegistryError } from "./errors";
import { digestHex } from "./names";

/** Creates the empty temp file an upload appends to. */
export async function createUploadFile(): Promise<string> {
  const file = getBlobStore().tempPath("oci-upload");
  await fsp.writeFile(file, "", { flag: "wx" });
  return file;
}

/** Bytes gathered before one write: fewer, larger writes keep up with the network. */
const writeBatchBytes = 1024 * 1024;

/**
 * Streams a request body onto the end of an upload file at `offset` (first cutting off anything a
 * failed request left past it) and returns how many bytes arrived, never buffering the body.
 */
export async function appendBody(
  file: string,
  offset: number,
  body: ReadableStream<Uint8Array> | null,
  /** Fed every byte in order as it arrives (the upload's running digest), when given. */
  hash: BatchHash | null = null,
): Promise<number> {
  const handle = await fsp.open(file, "r+");
  try {
    await handle.truncate(offset);
    if (!body) return 0;
    return await writeStreamAt(handle, body, offset, {
      batchBytes: writeBatchBytes,
      ...(hash ? { hash } : {}),
    });
  } finally {
    await handle.close();
  }
}

/**
 * A blob that is already in the store without a registry record was put there by someone else
 * (git LFS): the registry shares it and must never collect it.
 */
export async function originOf(digest: string): Promise<BlobOrigin> {
  const known = await findRegistryBlob(digest);
  if (known) return known.origin;
  return (await getBlobStore().stat(digestHex(digest))) ? "shared" : "registry";
}

const digestInvalid = (digest: string) =>
  new RegistryError("DIGEST_INVALID", `The uploaded content does not match ${digest}.`);

/**
 * Verifies a finished upload file against `digest`, moves it into the blob store and links it to
 * the repository. `computed` is the sha256 the registry worked out while writing the file; with it
 * the file is not read again (only its size is checked). The caller removes `tempFile` afterwards
 * (it is left in place when verification fails).
 */
export async function adoptUpload(
  tempFile: string,
  digest: string,
  target: NewRegistryRepository,
  computed: string | null = null,
): Promise<BlobInfo> {
  const store = getBlobStore();
  const hex = digestHex(digest);
  if (computed !== null && computed !== hex) throw digestInvalid(digest);
  const trusted = computed !== null;
  const origin = await originOf(digest);
  let info: BlobInfo;
  try {
    info = await store.adopt(tempFile, { sha256: hex, trusted });
  } catch (error) {
    // The only expectation passed is the digest, so a refusal here is a digest mismatch.
    if (error instanceof AppError && error.code === "bad_request") throw digestInvalid(digest);
    throw error;
  }
  await linkRegistryBlob({ repository: target, digest, size: info.size, origin });
  // Garbage collection may have removed an identical unused blob between `adopt` finding it and
  // the link above; the record is fresh now (GC skips it), so putting the bytes back is safe.
  if (!(await store.stat(hex)) && fs.existsSync(tempFile))
    await store.adopt(tempFile, { sha256: hex, trusted });
  return info;
}

export async function removeFile(file: string): Promise<void> {
  await fsp.rm(file, { force: true });
}
