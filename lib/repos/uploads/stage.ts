import "server-only";

import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";

import {
  countStagedUploads,
  deleteStagedUploads,
  insertStagedUpload,
} from "@/db/queries/staged-uploads";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { getBlobStore } from "@/lib/storage/blob-store";

import { getRepo } from "../access";
import { maxStagedPerUser, maxWebUploadBytes, stagedUploadTtlMs } from "./limits";
import { sweepStagedUploadsSometimes, uploadTempLabel } from "./sweep";
import { writeBodyToFile } from "./write-body";

export type StagedUploadInfo = { id: string; size: number; sha256: string; expiresAt: string };

/**
 * Receives one file for a later commit: checks write access first (before a byte is read), then
 * streams the body to a temp file in the blob store's temp area while hashing it, and records it
 * as the caller's, for this repository, for a day. Nothing is visible in the repository yet.
 */
export async function stageUpload(
  caller: Caller,
  address: RepoRef,
  body: ReadableStream<Uint8Array> | null,
  options: { contentLength?: number | null; maxSize?: number } = {},
): Promise<StagedUploadInfo> {
  sweepStagedUploadsSometimes();
  const { repo } = await getRepo(caller, address, "write");
  const maxSize = options.maxSize ?? maxWebUploadBytes;
  if (!body) throw new AppError("bad_request", "Send the file's content as the request body.");
  if (options.contentLength != null && options.contentLength > maxSize) {
    throw new AppError("payload_too_large", `Files can be at most ${maxSize} bytes.`);
  }
  if ((await countStagedUploads(caller.id)) >= maxStagedPerUser) {
    throw new AppError(
      "rate_limited",
      `You have ${maxStagedPerUser} uploaded files waiting to be committed; commit or cancel them first.`,
    );
  }
  const id = randomUUID();
  const tempFile = getBlobStore().tempPath(uploadTempLabel);
  try {
    const written = await writeBodyToFile(body, tempFile, maxSize);
    if (options.contentLength != null && written.size !== options.contentLength) {
      throw new AppError(
        "bad_request",
        `The upload was cut off: ${written.size} of ${options.contentLength} bytes arrived.`,
      );
    }
    const expiresAt = new Date(Date.now() + stagedUploadTtlMs);
    await insertStagedUpload({
      id,
      userId: caller.id,
      repoId: repo.id,
      tempFile,
      ...written,
      expiresAt,
    });
    return { id, ...written, expiresAt: expiresAt.toISOString() };
  } catch (error) {
    await fsp.rm(tempFile, { force: true });
    throw error;
  }
}

/** Drops the caller's own staged uploads (a cancelled upload); unknown ids are ignored. */
export async function discardUploads(caller: Caller, ids: string[]): Promise<number> {
  const files = await deleteStagedUploads(ids, caller.id);
  await Promise.all(files.map((file) => fsp.rm(file, { force: true })));
  return files.length;
}
