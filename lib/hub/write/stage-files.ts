import "server-only";

import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage/blob-store";

import type { CommitOperation } from "./operations";
import type { StagedFile } from "./plan";
import { spoolSource } from "./spool";

/** Spools every file's content (in order: streams may come from one request body) and checks LFS references. */
export async function stageFiles(
  operations: CommitOperation[],
  tempFiles: Set<string>,
): Promise<Map<string, StagedFile>> {
  const store = getBlobStore();
  const staged = new Map<string, StagedFile>();
  for (const operation of operations) {
    if (operation.kind === "file") {
      const target = store.tempPath("commit");
      tempFiles.add(target);
      const spooled = await spoolSource(operation.source, target);
      staged.set(operation.path, { path: operation.path, kind: "file", ...spooled });
    } else if (operation.kind === "lfsFile") {
      const stored = await store.stat(operation.sha256);
      if (!stored) {
        throw new AppError(
          "bad_request",
          `The LFS content of "${operation.path}" (sha256 ${operation.sha256.slice(0, 12)}…) has not been uploaded.`,
        );
      }
      if (operation.size !== undefined && operation.size !== stored.size) {
        throw new AppError(
          "bad_request",
          `"${operation.path}": the LFS object is ${stored.size} bytes, not ${operation.size}.`,
        );
      }
      staged.set(operation.path, {
        path: operation.path,
        kind: "lfsFile",
        size: stored.size,
        sha256: operation.sha256,
        file: null,
      });
    }
  }
  return staged;
}
