import "server-only";

import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";
import { notifyRepoChanged, type ChangeSource } from "@/lib/hub/events";
import type { Identity } from "@/lib/hub/git/identity";
import { resolveRevisionIn } from "@/lib/hub/read/revisions";
import { readRef } from "@/lib/hub/refs/list-refs";
import { updateRefCas } from "@/lib/hub/refs/update-ref";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef } from "@/lib/hub/types";
import { refNameProblem } from "@/lib/validation/ref-names";

import { linkCommittedLfs } from "@/lib/hub/lfs/served";
import { BaseTree } from "./base-tree";
import { buildCommit, type BuiltFile } from "./build-commit";
import { withLock } from "./lock";
import { checkCommitMessage } from "./message";
import { validateOperations, type CommitOperation } from "./operations";
import { planCommit } from "./plan";
import { createQuarantine } from "./quarantine";
import { stageFiles } from "./stage-files";

export type CommitChangesInput = {
  repo: RepoRef;
  branch: string;
  /** The commit the change was based on: if the branch has moved since, the commit fails with a conflict. */
  parentCommit?: string;
  /** Title, and optionally a longer description after a blank line. */
  message: string;
  description?: string;
  author: Identity;
  operations: CommitOperation[];
  source?: ChangeSource;
};

export type CommitResult = {
  commit: string;
  /** The commit it was built on (null for a repository's first commit). */
  parent: string | null;
  branch: string;
  /** Every file written, including `.gitattributes` when LFS rules were added to it. */
  files: BuiltFile[];
  /** Every file removed (folders expanded). */
  deleted: string[];
};

/** Without `parentCommit` a concurrent commit to the branch is not a conflict: we rebuild on top of it. */
const maxAttempts = 3;

function assertBranch(branch: string): void {
  const problem = refNameProblem(branch);
  if (problem) throw new AppError("bad_request", `Invalid branch name "${branch}": ${problem}`);
}

/**
 * Commits changes to a branch on the server: contents are streamed to temp files (hashed on the
 * way), large and `.gitattributes`-tracked files go to the blob store as LFS, git objects are
 * written to a quarantine, and the branch moves by compare-and-swap. On any failure nothing is
 * left behind: no partial file, no object in the repository, no temp file (`tempFile` sources included).
 */
export async function commitChanges(input: CommitChangesInput): Promise<CommitResult> {
  return commitInRepo(() => requireRepo(input.repo), input, { newBranch: false });
}

/**
 * The commit machinery behind commitChanges. With `newBranch` the branch must not exist yet and
 * becomes the commit's root (a repository's first commit); no change is announced then, the
 * caller does that.
 */
export async function commitInRepo(
  openGitDir: () => Promise<string>,
  input: CommitChangesInput,
  options: { newBranch: boolean },
): Promise<CommitResult> {
  const tempFiles = new Set<string>();
  for (const operation of input.operations) {
    if (operation.kind === "file" && "tempFile" in operation.source)
      tempFiles.add(operation.source.tempFile);
  }
  try {
    assertBranch(input.branch);
    const message = checkCommitMessage(input.message, input.description);
    const operations = validateOperations(input.operations);
    const gitDir = await openGitDir();
    const ref = `refs/heads/${input.branch}`;
    let head = options.newBranch ? null : await readRef(gitDir, ref);
    if (!head && !options.newBranch)
      throw new AppError("not_found", `Branch "${input.branch}" not found.`);
    if (input.parentCommit !== undefined) {
      const parent = await resolveRevisionIn(gitDir, input.parentCommit);
      if (!parent)
        throw new AppError(
          "bad_request",
          `The parent commit "${input.parentCommit}" does not exist.`,
        );
      if (parent.commit !== head) {
        throw new AppError(
          "conflict",
          `"${input.branch}" has moved since ${parent.commit.slice(0, 12)}; reload and try again (nothing was changed).`,
        );
      }
    }

    const staged = await stageFiles(input.repo, operations, tempFiles);
    const quarantine = await createQuarantine(gitDir);
    try {
      // Commits to one branch from this process take turns (only for the short build-and-swap
      // part); compare-and-swap still guards against other processes and git pushes.
      const done = await withLock(`${gitDir}\0${ref}`, async () => {
        if (!options.newBranch && input.parentCommit === undefined)
          head = await readRef(gitDir, ref);
        for (let attempt = 1; ; attempt++) {
          const base = new BaseTree(gitDir, head);
          const plan = await planCommit({ gitDir, base, operations, staged });
          const built = await buildCommit({
            gitDir,
            quarantine,
            base: head,
            plan,
            message,
            author: input.author,
            attempt,
          });
          await quarantine.migrate();
          try {
            const reason = `commit: ${input.message.slice(0, 80)}`;
            await updateRefCas({ gitDir, ref, next: built.commit, expected: head, reason });
            return { built, plan, parent: head };
          } catch (error) {
            const retry =
              error instanceof AppError &&
              error.code === "conflict" &&
              input.parentCommit === undefined &&
              !options.newBranch &&
              attempt < maxAttempts;
            if (!retry) throw error;
            head = await readRef(gitDir, ref);
            if (!head)
              throw new AppError(
                "conflict",
                `Branch "${input.branch}" was deleted while committing.`,
              );
          }
        }
      });
      await linkCommittedLfs(input.repo, done.built.files);
      if (!options.newBranch) {
        await notifyRepoChanged({
          kind: "refs",
          repo: input.repo,
          refs: [{ ref, before: done.parent, after: done.built.commit }],
          source: input.source ?? "web",
        });
      }
      return {
        commit: done.built.commit,
        parent: done.parent,
        branch: input.branch,
        files: done.built.files,
        deleted: done.plan.removals,
      };
    } finally {
      await quarantine.dispose();
    }
  } finally {
    await Promise.all([...tempFiles].map((file) => fsp.rm(file, { force: true })));
  }
}
