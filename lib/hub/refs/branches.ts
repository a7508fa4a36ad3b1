import "server-only";

import { AppError } from "@/lib/errors";
import { notifyRepoChanged, type ChangeSource } from "@/lib/hub/events";
import { identityEnv, type Identity } from "@/lib/hub/git/identity";
import { gitText } from "@/lib/hub/git/run";
import { readDefaultBranch, requireRevisionIn } from "@/lib/hub/read/revisions";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef } from "@/lib/hub/types";

import { assertRefName, readRef } from "./list-refs";
import { updateRefCas } from "./update-ref";

export type CreateBranchOptions = {
  branch: string;
  /** Revision to start from; the default branch when omitted. */
  from?: string;
  /** Start with an empty commit instead (HF `emptyBranch`); needs `author`. */
  empty?: boolean;
  author?: Identity;
  /** Move an existing branch instead of failing (HF `overwrite`). */
  overwrite?: boolean;
  source?: ChangeSource;
};

export async function createBranch(
  repo: RepoRef,
  options: CreateBranchOptions,
): Promise<{ ref: string; commit: string }> {
  assertRefName("branch", options.branch);
  const gitDir = await requireRepo(repo);
  const ref = `refs/heads/${options.branch}`;
  let commit: string;
  if (options.empty) {
    if (!options.author)
      throw new AppError("bad_request", "An empty branch needs an author for its first commit.");
    const tree = await gitText({ gitDir, args: ["mktree"] });
    commit = await gitText({
      gitDir,
      args: ["commit-tree", tree, "-m", `Create empty branch ${options.branch}`],
      env: identityEnv(options.author),
    });
  } else {
    commit = (await requireRevisionIn(gitDir, options.from ?? (await readDefaultBranch(gitDir))))
      .commit;
  }
  const before = options.overwrite ? await readRef(gitDir, ref) : null;
  await updateRefCas({
    gitDir,
    ref,
    next: commit,
    expected: before,
    reason: `branch: created from ${options.from ?? "default"}`,
  });
  await notifyRepoChanged({
    kind: "refs",
    repo,
    refs: [{ ref, before, after: commit }],
    source: options.source ?? "web",
  });
  return { ref, commit };
}

export async function deleteBranch(
  repo: RepoRef,
  options: { branch: string; expected?: string; source?: ChangeSource },
): Promise<void> {
  assertRefName("branch", options.branch);
  const gitDir = await requireRepo(repo);
  if (options.branch === (await readDefaultBranch(gitDir))) {
    throw new AppError(
      "bad_request",
      `"${options.branch}" is the default branch and cannot be deleted.`,
    );
  }
  const ref = `refs/heads/${options.branch}`;
  const before = options.expected ?? (await readRef(gitDir, ref));
  if (!before) throw new AppError("not_found", `Branch "${options.branch}" not found.`);
  await updateRefCas({ gitDir, ref, next: null, expected: before, reason: "branch: deleted" });
  await notifyRepoChanged({
    kind: "refs",
    repo,
    refs: [{ ref, before, after: null }],
    source: options.source ?? "web",
  });
}
