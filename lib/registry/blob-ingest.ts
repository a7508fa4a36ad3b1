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

import { RegistryError } from "./errors";
import { digestHex } from "./names";

/** Creates the empty temp file an upload appends to. */
export async function createUploadFile(): Promise<string> {
  const file = getBlobStore().tempPath("oci-upload");
  await fsp.writeFile(file, "", { flag: "wx" });
  return file;
}

/**
 * Streams a request body onto the end of an upload file at `offset` (first cutting off anything a
 * failed request left past it) and returns how many bytes arrived. Never buffers the body; writes
 * each chunk where it belongs, which is markedly faster than piping through a Node stream.
 */
export async function appendBody(
  file: string,
  offset: number,
  body: ReadableStream<Uint8Array> | null,
): Promise<number> {
  const handle = await fsp.open(file, "r+");
  try {
    await handle.truncate(offset);
    if (!body) return 0;
    const reader = body.getReader();
    let position = offset;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (let written = 0; written < value.byteLength;) {
          const result = await handle.write(
            value,
            written,
            value.byteLength - written,
            position + written,
          );
          written += result.bytesWritten;
        }
        position += value.byteLength;
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    return position - offset;
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

/**
 * Verifies a finished upload file against `digest`, moves it into the blob store and links it to
 * the repository. The caller removes `tempFile` afterwards (it is left in place when the store
 * already had the blob).
 */
export async function adoptUpload(
  tempFile: string,
  digest: string,
  target: NewRegistryRepository,
): Promise<BlobInfo> {
  const store = getBlobStore();
  const hex = digestHex(digest);
  const origin = await originOf(digest);
  let info: BlobInfo;
  try {
    info = await store.adopt(tempFile, { sha256: hex });
  } catch (error) {
    // The only expectation passed is the digest, so a refusal here is a digest mismatch.
    if (error instanceof AppError && error.code === "bad_request") {
      throw new RegistryError("DIGEST_INVALID", `The uploaded content does not match ${digest}.`);
    }
    throw error;
  }
  await linkRegistryBlob({ repository: target, digest, size: info.size, origin });
  // Garbage collection may have removed an identical unused blob between `adopt` finding it and
  // the link above; the record is fresh now (GC skips it), so putting the bytes back is safe.
  if (!(await store.stat(hex)) && fs.existsSync(tempFile))
    await store.adopt(tempFile, { sha256: hex });
  return info;
}

export async function removeFile(file: string): Promise<void> {
  await fsp.rm(file, { force: true });
}
