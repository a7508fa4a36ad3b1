import "server-only";

import fs from "node:fs/promises";
import path from "node:path";

import { repoNotFound } from "@/lib/hub/errors";
import { repoGitDir } from "@/lib/hub/paths";
import type { RepoRef } from "@/lib/hub/types";

export async function repoExists(repo: RepoRef): Promise<boolean> {
  try {
    await fs.access(path.join(repoGitDir(repo), "HEAD"));
    return true;
  } catch {
    return false;
  }
}

/** The repository's git dir; a 404 (RepoNotFound) when it does not exist. */
export async function requireRepo(repo: RepoRef): Promise<string> {
  if (!(await repoExists(repo))) throw repoNotFound();
  return repoGitDir(repo);
}
