import "server-only";

import { AppError } from "@/lib/errors";
import { notifyRepoChanged } from "@/lib/hub/events";
import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { identityEnv, type Identity } from "@/lib/hub/git/identity";
import { gitText, runGit } from "@/lib/hub/git/run";
import { readDefaultBranch, requireRevisionIn } from "@/lib/hub/read/revisions";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RefInfo, RepoRef } from "@/lib/hub/types";
import { refNameProblem } from "@/lib/validation/ref-names";

import { updateRefCas } from "./update-ref";

export type ChangeSource = "web" | "api" | "git";

function assertRefName(kind: "branch" | "tag", name: string): void {
  const problem = refNameProblem(name);
  if (problem) throw new AppError("bad_request", `Invalid ${kind} name "${name}": ${problem}`);
}

/** Branches and tags (tags peeled to their commit), sorted by name. */
export async function listRefs(repo: RepoRef): Promise<{ defaultBranch: string; branches: RefInfo[]; tags: RefInfo[] }> {
  const gitDir = await requireRepo(repo);
  const { stdout } = await runGit({
    gitDir,
    args: ["for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)", "refs/heads", "refs/tags"],
  });
  const branches: RefInfo[] = [];
  const tags: RefInfo[] = [];
  for (const line of stdout.toString("utf8").split("\n")) {
    if (!line) continue;
    const [ref, oid, peeled] = line.split("\0") as [string, string, string];
    if (ref.startsWith("refs/heads/")) branches.push({ name: ref.slice(11), ref, commit: oid });
    else tags.push({ name: ref.slice(10), ref, commit: peeled || oid });
  }
  return { defaultBranch: await readDefaultBranch(gitDir), branches, tags };
}

/** The object a ref points to now (unpeeled), or null when it does not exist. */
export async function readRef(gitDir: string, ref: string): Promise<string | null> {
  return (await objectInfo(gitDir, ref))?.oid ?? null;
}

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

export async function createBranch(repo: RepoRef, options: CreateBranchOptions): Promise<{ ref: string; commit: string }> {
  assertRefName("branch", options.branch);
  const gitDir = await requireRepo(repo);
  const ref = `refs/heads/${options.branch}`;
  let commit: string;
  if (options.empty) {
    if (!options.author) throw new AppError("bad_request", "An empty branch needs an author for its first commit.");
    const tree = await gitText({ gitDir, args: ["mktree"] });
    commit = await gitText({
      gitDir,
      args: ["commit-tree", tree, "-m", `Create empty branch ${options.branch}`],
      env: identityEnv(options.author),
    });
  } else {
    commit = (await requireRevisionIn(gitDir, options.from ?? (await readDefaultBranch(gitDir)))).commit;
  }
  const before = options.overwrite ? await readRef(gitDir, ref) : null;
  await updateRefCas({ gitDir, ref, next: commit, expected: before, reason: `branch: created from ${options.from ?? "default"}` });
  await notifyRepoChanged({ kind: "refs", repo, refs: [{ ref, before, after: commit }], source: options.source ?? "web" });
  return { ref, commit };
}

export async function deleteBranch(repo: RepoRef, options: { branch: string; expected?: string; source?: ChangeSource }): Promise<void> {
  assertRefName("branch", options.branch);
  const gitDir = await requireRepo(repo);
  if (options.branch === (await readDefaultBranch(gitDir))) {
    throw new AppError("bad_request", `"${options.branch}" is the default branch and cannot be deleted.`);
  }
  const ref = `refs/heads/${options.branch}`;
  const before = options.expected ?? (await readRef(gitDir, ref));
  if (!before) throw new AppError("not_found", `Branch "${options.branch}" not found.`);
  await updateRefCas({ gitDir, ref, next: null, expected: before, reason: "branch: deleted" });
  await notifyRepoChanged({ kind: "refs", repo, refs: [{ ref, before, after: null }], source: options.source ?? "web" });
}

export type CreateTagOptions = {
  tag: string;
  rev: string;
  /** With a message the tag is annotated (a tag object by `tagger`), otherwise lightweight. */
  message?: string;
  tagger?: Identity;
  source?: ChangeSource;
};

export async function createTag(repo: RepoRef, options: CreateTagOptions): Promise<{ ref: string; commit: string }> {
  assertRefName("tag", options.tag);
  const gitDir = await requireRepo(repo);
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const ref = `refs/tags/${options.tag}`;
  let target = commit;
  if (options.message !== undefined) {
    if (!options.tagger) throw new AppError("bad_request", "An annotated tag needs a tagger.");
    const env = identityEnv(options.tagger);
    const body = [
      `object ${commit}`,
      "type commit",
      `tag ${options.tag}`,
      `tagger ${env.GIT_COMMITTER_NAME} <${env.GIT_COMMITTER_EMAIL}> ${env.GIT_COMMITTER_DATE}`,
      "",
      `${options.message.replace(/\0/g, "").trimEnd()}\n`,
    ].join("\n");
    target = await gitText({ gitDir, args: ["mktag"], input: body });
  }
  await updateRefCas({ gitDir, ref, next: target, expected: null, reason: "tag: created" });
  await notifyRepoChanged({ kind: "refs", repo, refs: [{ ref, before: null, after: target }], source: options.source ?? "web" });
  return { ref, commit };
}

export async function deleteTag(repo: RepoRef, options: { tag: string; source?: ChangeSource }): Promise<void> {
  assertRefName("tag", options.tag);
  const gitDir = await requireRepo(repo);
  const ref = `refs/tags/${options.tag}`;
  const before = await readRef(gitDir, ref);
  if (!before) throw new AppError("not_found", `Tag "${options.tag}" not found.`);
  await updateRefCas({ gitDir, ref, next: null, expected: before, reason: "tag: deleted" });
  await notifyRepoChanged({ kind: "refs", repo, refs: [{ ref, before, after: null }], source: options.source ?? "web" });
}
