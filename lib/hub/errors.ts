import { AppError } from "@/lib/errors";

/**
 * The hub's "not found" errors. They carry the `X-Error-Code` the HF clients read, so the HF API
 * can pass them through unchanged; other callers just see a 404 with a clear message.
 */

export function repoNotFound(): AppError {
  return new AppError("not_found", "Repository not found.", {
    headers: { "X-Error-Code": "RepoNotFound" },
  });
}

export function revisionNotFound(rev: string): AppError {
  return new AppError("not_found", `Revision "${rev}" not found.`, {
    headers: { "X-Error-Code": "RevisionNotFound" },
  });
}

export function entryNotFound(path: string, rev?: string): AppError {
  const where = rev ? ` at revision "${rev}"` : "";
  return new AppError("not_found", `"${path}" does not exist${where}.`, {
    headers: { "X-Error-Code": "EntryNotFound" },
  });
}

/** An LFS pointer whose content this repository may not serve (see `lfs/served.ts`). */
export function lfsNotServed(path: string): AppError {
  return new AppError(
    "not_found",
    `The LFS content of "${path}" has not been uploaded to this repository.`,
    {
      reason: "lfs_not_served",
    },
  );
}
