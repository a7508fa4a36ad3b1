import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { getPathsInfo, resolveRevision } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { getRepo } from "../access";

/** Which of `paths` are files at `rev` (folders and missing paths are not). */
async function findExistingFiles(
  ref: RepoRef,
  options: { rev: string; paths: string[] },
): Promise<string[]> {
  if (options.paths.length === 0) return [];
  const { entries } = await getPathsInfo(ref, options);
  return entries.filter((entry) => entry.type === "file").map((entry) => entry.path);
}

/**
 * Refuses a commit that would overwrite a file the author did not mark to replace: creating a file
 * and uploading one never replace silently. Checked against the commit the author builds on.
 */
export async function refuseOverwrites(
  ref: RepoRef,
  options: { rev: string; paths: string[] },
): Promise<void> {
  const existing = await findExistingFiles(ref, options);
  if (existing.length === 0) return;
  const list = existing.map((path) => `"${path}"`).join(", ");
  throw new AppError(
    "conflict",
    existing.length === 1
      ? `${list} already exists, so nothing was committed. Edit that file, choose another name, or mark it to be replaced.`
      : `${list} already exist, so nothing was committed. Choose other names or mark them to be replaced.`,
    { reason: "file_exists" },
  );
}

/** For the upload form: which of the paths a writer is about to upload exist on `branch`. */
export async function listExistingFiles(
  caller: Caller,
  address: RepoRef,
  options: { branch: string; paths: string[] },
): Promise<string[]> {
  const { ref } = await getRepo(caller, address, "write");
  const head = await resolveRevision(ref, options.branch);
  // Bad paths are refused with their own message when the commit is sent.
  const paths = options.paths.filter((path) => repoPathProblem(path) === null);
  return head ? findExistingFiles(ref, { rev: head.commit, paths }) : [];
}
