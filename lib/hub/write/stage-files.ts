import "server-only";

import { AppError } from "@/lib/errors";
import { servesLfsObject } from "@/lib/hub/lfs/served";
import type { RepoRef } from "@/lib/hub/types";
import { getBlobStore } from "@/lib/storage/blob-store";

import type { CommitOperation } from "./operations";
import type { StagedFile } from "./plan";
import { spoolSource } from "./spool";

const parallelism = 8;

async function stageOne(
  repo: RepoRef,
  operation: CommitOperation,
  tempFiles: Set<string>,
): Promise<StagedFile | null> {
  const store = getBlobStore();
  if (operation.kind === "file") {
    const target = store.tempPath("commit");
    tempFiles.add(target);
    const spooled = await spoolSource(operation.source, target);
    return { path: operation.path, kind: "file", ...spooled };
  }
  if (operation.kind !== "lfsFile") return null;
  // A commit may point at LFS content only if this repository may serve it: otherwise naming a
  // sha256 would copy another repository's bytes in (and commitChanges would link them here).
  // The size is told only to those who may read the object.
  const stored = await store.stat(operation.sha256);
  if (!stored || !(await servesLfsObject(repo, { oid: operation.sha256, size: stored.size }))) {
    throw new AppError(
      "bad_request",
      `The LFS content of "${operation.path}" (sha256 ${operation.sha256.slice(0, 12)}…) has not been uploaded to this repository; upload it through the LFS batch API first.`,
    );
  }
  if (operation.size !== undefined && operation.size !== stored.size) {
    throw new AppError(
      "bad_request",
      `"${operation.path}": the LFS object is ${stored.size} bytes, not ${operation.size}.`,
    );
  }
  return {
    path: operation.path,
    kind: "lfsFile",
    size: stored.size,
    sha256: operation.sha256,
    file: null,
  };
}

/**
 * Spools every file's content and checks LFS references. Streams go one after the other, in
 * order (they may be parts of one request body); everything else is staged a few at a time.
 */
export async function stageFiles(
  repo: RepoRef,
  operations: CommitOperation[],
  tempFiles: Set<string>,
): Promise<Map<string, StagedFile>> {
  const isStream = (op: CommitOperation) => op.kind === "file" && "stream" in op.source;
  const results: StagedFile[] = [];
  for (const operation of operations.filter(isStream))
    results.push((await stageOne(repo, operation, tempFiles))!);
  const rest = operations.filter((op) => !isStream(op));
  for (let i = 0; i < rest.length; i += parallelism) {
    const batch = await Promise.all(
      rest.slice(i, i + parallelism).map((op) => stageOne(repo, op, tempFiles)),
    );
    results.push(...batch.filter((file): file is StagedFile => file !== null));
  }
  // Keep the caller's order: it decides the order of the per-file results.
  const order = new Map(operations.map((op, index) => [op.path, index]));
  results.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  return new Map(results.map((file) => [file.path, file]));
}
