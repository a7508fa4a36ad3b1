import "server-only";

import { randomUUID } from "node:crypto";

import {
  claimUpload,
  deleteUpload,
  findUpload,
  insertUpload,
  releaseUpload,
  renewUploadLease,
  type UploadSession,
} from "@/db/queries/registry-uploads";

import { authorizeRepository, type RegistryRequester } from "./access";
import { adoptUpload, appendBody, createUploadFile, removeFile } from "./blob-ingest";
import { RegistryError } from "./errors";
import { parseContentRange } from "./http-range";
import { assertUploadDigest } from "./names";
import { registryEmpty } from "./responses";

// A write lease on an upload, renewed while a (possibly slow, large) body streams in.
const leaseMs = 5 * 60_000;
const renewEveryMs = 60_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uploadUnknown = () =>
  new RegistryError(
    "BLOB_UPLOAD_UNKNOWN",
    "This upload does not exist or has ended; start a new one.",
  );

export const uploadLocation = (name: string, id: string) => `/v2/${name}/blobs/uploads/${id}`;

/** `Range: 0-<last byte>`; CNCF Distribution (and so every client) reads an empty upload as `0-0`. */
const rangeHeader = (offset: number) => `0-${Math.max(offset - 1, 0)}`;

function progressHeaders(name: string, id: string, offset: number): Record<string, string> {
  return {
    Location: uploadLocation(name, id),
    Range: rangeHeader(offset),
    "Docker-Upload-UUID": id,
  };
}

export async function startUploadSession(request: Request, name: string): Promise<Response> {
  const id = randomUUID();
  const tempFile = await createUploadFile();
  await insertUpload({ id, repositoryName: name, tempFile });
  return registryEmpty(request, 202, progressHeaders(name, id, 0));
}

/**
 * Runs `work` holding the upload's write lease. `work` returns the new offset to record, or null
 * when it ended the session itself; on failure the old offset stays (the next append truncates the
 * file back to it).
 */
async function withUpload(
  name: string,
  id: string,
  work: (session: UploadSession) => Promise<number | null>,
): Promise<number | null> {
  const claimed = uuidPattern.test(id) ? await claimUpload(id, name, leaseMs) : null;
  if (!claimed) throw uploadUnknown();
  if (claimed === "busy") {
    throw new RegistryError(
      "BLOB_UPLOAD_INVALID",
      "Another request is writing to this upload; wait for it to finish.",
      {
        status: 416,
      },
    );
  }
  const renew = setInterval(
    () => void renewUploadLease(id, leaseMs).catch(() => undefined),
    renewEveryMs,
  );
  renew.unref();
  let offset: number | null = claimed.offset;
  try {
    offset = await work(claimed);
    return offset;
  } finally {
    clearInterval(renew);
    if (offset !== null) await releaseUpload(id, offset);
  }
}

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
  const written = await appendBody(session.tempFile, session.offset, request.body);
  if (range && written !== range.end - range.start + 1) {
    throw new RegistryError(
      "BLOB_UPLOAD_INVALID",
      `The chunk was ${written} bytes but Content-Range announced ${range.end - range.start + 1}.`,
      { status: 400 },
    );
  }
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
    await appendChunk(request, name, session);
    try {
      await adoptUpload(session.tempFile, digest, target);
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

async function endSession(session: UploadSession): Promise<void> {
  await deleteUpload(session.id);
  await removeFile(session.tempFile);
}

export async function getUploadStatus(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  await authorizeRepository(requester, name, "push");
  const session = uuidPattern.test(id) ? await findUpload(id, name) : null;
  if (!session) throw uploadUnknown();
  return registryEmpty(request, 204, progressHeaders(name, id, session.offset));
}

export async function cancelUpload(
  request: Request,
  requester: RegistryRequester,
  name: string,
  id: string,
) {
  await authorizeRepository(requester, name, "push");
  const session = uuidPattern.test(id) ? await findUpload(id, name) : null;
  if (!session) throw uploadUnknown();
  await endSession(session);
  return registryEmpty(request, 204);
}
