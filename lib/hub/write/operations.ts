import "server-only";

import { AppError } from "@/lib/errors";
import { maxCommitOperations } from "@/lib/hub/limits";
import { isSha256 } from "@/lib/storage/blob-store";
import { normalizeFolderPath, repoPathProblem } from "@/lib/validation/repo-paths";

import type { FileSource } from "./spool";

/** One change in a server-side commit (mirrors the HF commit API's line types). */
export type CommitOperation =
  /** Add or replace a file; stored in git or as an LFS pointer, as the LFS rules decide. */
  | { kind: "file"; path: string; source: FileSource }
  /** Point a path at content already in the blob store (HF `lfsFile` after an LFS upload). */
  | { kind: "lfsFile"; path: string; sha256: string; size?: number }
  | { kind: "deleteFile"; path: string }
  /** Remove a folder and everything in it. */
  | { kind: "deleteFolder"; path: string };

function checkPath(path: unknown, what: string): string {
  if (typeof path !== "string") throw new AppError("bad_request", `Every ${what} needs a path.`);
  const problem = repoPathProblem(path);
  if (problem) throw new AppError("bad_request", problem);
  return path;
}

/**
 * Checks the operations as a whole before anything is written: count, paths, and that no path is
 * named twice. Returns the operations with folder paths normalised (no trailing '/').
 */
export function validateOperations(operations: CommitOperation[]): CommitOperation[] {
  if (operations.length === 0) throw new AppError("bad_request", "The commit has no changes.");
  if (operations.length > maxCommitOperations) {
    throw new AppError(
      "bad_request",
      `A commit can change at most ${maxCommitOperations} files; split it into several commits.`,
    );
  }
  const seen = new Set<string>();
  return operations.map((operation) => {
    const path =
      operation.kind === "deleteFolder"
        ? normalizeFolderPath(String(operation.path ?? ""))
        : operation.path;
    checkPath(path, operation.kind === "deleteFolder" ? "deleted folder" : "file");
    const key = operation.kind === "deleteFolder" ? `${path}/` : path;
    if (seen.has(key))
      throw new AppError("bad_request", `"${path}" appears more than once in the commit.`);
    seen.add(key);
    if (operation.kind === "lfsFile") {
      if (!isSha256(operation.sha256))
        throw new AppError(
          "bad_request",
          `"${path}": the LFS oid must be a sha256 (64 hex characters).`,
        );
      if (
        operation.size !== undefined &&
        !(Number.isSafeInteger(operation.size) && operation.size >= 0)
      ) {
        throw new AppError(
          "bad_request",
          `"${path}": the LFS size must be a whole number of bytes.`,
        );
      }
    }
    return { ...operation, path };
  });
}
