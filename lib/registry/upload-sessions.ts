import "server-only";

// Upload sessions: a database row and a temp file per upload, and the write lease that keeps two
// requests from appending to one file at once.

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

import { createUploadFile, removeFile } from "./blob-ingest";
import { RegistryError } from "./errors";
import { registryEmpty } from "./responses";
import { forgetUploadHash } from "./upload-hashes";

// A write lease on an upload, renewed while a (possibly slow, large) body streams in.
const leaseMs = 5 * 60_000;
const renewEveryMs = 60_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uploadUnknown = () =>
  new RegistryError(
    "BLOB_UPLOAD_UNKNOWN",
    "This upload does not exist or has ended; start a new one.",
  );

const uploadLocation = (name: string, id: string) => `/v2/${name}/blobs/uploads/${id}`;

/** `Range: 0-<last byte>`; CNCF Distribution (and so every client) reads an empty upload as `0-0`. */
const rangeHeader = (offset: number) => `0-${Math.max(offset - 1, 0)}`;

export function progressHeaders(name: string, id: string, offset: number): Record<string, string> {
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
export async function withUpload(
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

export async function findSession(name: string, id: string): Promise<UploadSession> {
  const session = uuidPattern.test(id) ? await findUpload(id, name) : null;
  if (!session) throw uploadUnknown();
  return session;
}

/** Ends a session for good: its row and its temp file. */
export async function endSession(session: UploadSession): Promise<void> {
  forgetUploadHash(session.id);
  await deleteUpload(session.id);
  await removeFile(session.tempFile);
}
