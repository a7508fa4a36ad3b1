import "server-only";

import path from "node:path";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { isValidRepoName, repoTypePlural } from "@/lib/validation/repo-names";

/** Where repositories live: STRATA_DATA_DIR/git/{models|datasets|spaces}/{owner}/{name}.git */
export function gitRoot(): string {
  return path.join(getConfig().dataDir, "git");
}

// Owners are validated when accounts are created; this only guards the file system.
const ownerPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function assertRepoRef(repo: RepoRef): void {
  if (!(repo.type in repoTypePlural))
    throw new AppError("bad_request", `Unknown repository type "${repo.type}".`);
  if (!ownerPattern.test(repo.owner) || repo.owner.includes("..")) {
    throw new AppError("bad_request", `"${repo.owner}" is not a valid owner name.`);
  }
  if (!isValidRepoName(repo.name))
    throw new AppError("bad_request", `"${repo.name}" is not a valid repository name.`);
}

export function ownerDir(repo: Pick<RepoRef, "type" | "owner">): string {
  return path.join(gitRoot(), repoTypePlural[repo.type], repo.owner);
}

export function repoGitDir(repo: RepoRef): string {
  assertRepoRef(repo);
  return path.join(ownerDir(repo), `${repo.name}.git`);
}

/** Deleted repositories are moved here first (an atomic rename), then removed in the background. */
export function trashDir(): string {
  return path.join(gitRoot(), ".trash");
}
