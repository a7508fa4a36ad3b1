import "server-only";

import { type UploadSession } from "@/db/queries/registry-uploads";

import { authorizeRepository, type RegistryRequester } from "./access";
import { adoptUpload, appendBody } from "./blob-ingest";
import { parseContentRange } from "./content-range";
import { RegistryError } from "./errors";
import { assertUploadDigest } from "./names";
import { registryEmpty } from "./responses";
import { keepUploadHash, takeUploadDigest, uploadHashAt } from "./upload-hashes";
import { endSession, findSession, progressHeaders, withUpload } from "./upload-sessions";

/**
 * Appends the request body at the session's offset. With `Content-Range` the chunk must start
 * exactly there (else 416) and be as long as it says; without it (docker and crane stream the
 * whole blob in one PATCH) the body is simply appended.
 */
async function appendChunk(
  request: Request,
  name: string,
  session: UploadSession,
): Promise<number> {
  const range = parseContentRange(request.headers.get("content-range"));
  if (range === "invalid") {
    throw new RegistryError(
      "BLOB_UPLOAD_INVALID",
      "Content-Range must be <start>-<end> (inclusive byte offsets).",
    );
  }
  if (range && range.start !== session.offset) {
    throw new RegistryError(
      "BLOB_UPLOAD_INVALID",
      `Chunks must arrive in order: this upload has ${session.offset} bytes, the chunk starts at ${range.start}.`,
      { status: 416, headers: progressHeaders(name, session.id, session.offset) },
    );
  }
  const hash = uploadHashAt(session.id, session.offset);
  let written: number;
  try {
    written = await appendBody(session.tempFile, session.offset, request.body, hash);
  } catch (error) {
    hash?.dispose();
    throw error;
  }
  if (range && written !== range.end - range.start + 1) {
    hash?.dispose();
    throw new RegistryError(
      "BLOB_UPLOAD_INVALID",
      `The chunk was ${written} bytes but Content-Range announced ${range.end - range.start + 1}.`,
      { status: 400 },
    );
  }
  if (hash) keepUploadHash(session.id, hash, session.offset + written);
  return session.offset + written;
}

export async function patchUpload(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  await authorizeRepository(requester, name, "push");
  const offset = await withUpload(name, id, (session) => appendChunk(request, name, session));
  return registryEmpty(request, 202, progressHeaders(name, id, offset ?? 0));
}

/**
 * Closes an upload: appends an optional last chunk, verifies the whole file against `?digest=`
 * and only then makes the blob visible. A mismatch ends the session and deletes its file.
 */
export async function completeUpload(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  const { target } = await authorizeRepository(requester, name, "push");
  const digest = assertUploadDigest(new URL(request.url).searchParams.get("digest"));
  await withUpload(name, id, async (session) => {
    const size = await appendChunk(request, name, session);
    try {
      // Hashed while it streamed in (one process saw every chunk)? Then the file is not re-read.
      const computed = await takeUploadDigest(session.id, size);
      await adoptUpload(session.tempFile, digest, target, computed);
    } catch (error) {
      if (!(error instanceof RegistryError && error.ociCode === "DIGEST_INVALID")) throw error;
      await endSession(session);
      throw error;
    }
    await endSession(session);
    return null;
  });
  return registryEmpty(request, 201, {
    Location: `/v2/${name}/blobs/${digest}`,
    "Docker-Content-Digest": digest,
  });
}

export async function getUploadStatus(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  await authorizeRepository(requester, name, "push");
  const session = await findSession(name, id);
  return registryEmpty(request, 204, progressHeaders(name, id, session.offset));
}

export async function cancelUpload(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  await authorizeRepository(requester, name, "push");
  await endSession(await findSession(name, id));
  return registryEmpty(request, 204);
}
