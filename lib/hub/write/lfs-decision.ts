import "server-only";

import { AppError } from "@/lib/errors";
import { attributeDirsFor } from "@/lib/hub/lfs/gitattributes";
import { lfsVerdict } from "@/lib/hub/lfs/policy";
import { requireRevisionIn } from "@/lib/hub/read/revisions";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef } from "@/lib/hub/types";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { BaseTree } from "./base-tree";
import { readAttributes } from "./plan";

/**
 * Whether each file would be stored through LFS if committed to `rev` now (HF `preupload`): the
 * same rule commitChanges applies. `rootGitattributes` is the commit's own `.gitattributes`, when
 * the client sends one along.
 */
export async function lfsDecision(
  repo: RepoRef,
  options: { rev: string; files: { path: string; size: number }[]; rootGitattributes?: string },
): Promise<{ commit: string; files: { path: string; lfs: boolean }[] }> {
  if (options.files.length > 1000)
    throw new AppError("bad_request", "Ask about at most 1000 files at once.");
  for (const file of options.files) {
    const problem = repoPathProblem(file.path);
    if (problem) throw new AppError("bad_request", problem);
  }
  const gitDir = await requireRepo(repo);
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const dirs = new Set(options.files.flatMap((file) => attributeDirsFor(file.path)));
  const attributes = await readAttributes(gitDir, new BaseTree(gitDir, commit), dirs, (path) =>
    Promise.resolve(path === ".gitattributes" ? options.rootGitattributes : undefined),
  );
  return {
    commit,
    files: options.files.map((file) => ({
      path: file.path,
      lfs: lfsVerdict(file, attributes).lfs,
    })),
  };
}
