import "server-only";

import { AppError } from "@/lib/errors";
import { objectContents } from "@/lib/hub/git/cat-file-pool";
import { parseCommitObject, titleOf } from "@/lib/hub/git/commit-object";
import { gitText, runGit } from "@/lib/hub/git/run";
import { requireRepo } from "@/lib/hub/repos/open";
import type { CommitSummary, RepoRef } from "@/lib/hub/types";

import { requireRevisionIn } from "./revisions";
import { normalizeTreePath } from "./tree";

export type HistoryOptions = {
  rev: string;
  /** Only commits that changed this file or folder. */
  path?: string;
  offset?: number;
  limit?: number;
};

export type HistoryPage = { commit: string; commits: CommitSummary[]; nextOffset: number | null };

const logFields = ["%H", "%P", "%an", "%ae", "%at", "%cn", "%ce", "%ct", "%B"];

function pathspec(path: string): string[] {
  return path ? ["--", path] : [];
}

function toIso(seconds: string): string {
  return new Date(Number(seconds) * 1000).toISOString();
}

/** Commit history, newest first, paginated with offset/limit (`git log --skip`). */
export async function listCommits(repo: RepoRef, options: HistoryOptions): Promise<HistoryPage> {
  const gitDir = await requireRepo(repo);
  const path = normalizeTreePath(options.path);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 50)));
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const { stdout } = await runGit({
    gitDir,
    args: [
      "log",
      `--format=${logFields.join("%x00")}`,
      "-z",
      `--skip=${offset}`,
      `--max-count=${limit + 1}`,
      commit,
      ...pathspec(path),
    ],
  });
  const tokens = stdout.length ? stdout.toString("utf8").split("\0") : [];
  const commits: CommitSummary[] = [];
  for (let i = 0; i + logFields.length <= tokens.length; i += logFields.length) {
    const [id, parents, an, ae, at, cn, ce, ct, body] = tokens.slice(i, i + logFields.length);
    const message = body!.replace(/\n+$/, "");
    commits.push({
      id: id!,
      parents: parents ? parents.split(" ") : [],
      title: titleOf(message),
      message,
      author: { name: an!, email: ae!, date: toIso(at!) },
      committer: { name: cn!, email: ce!, date: toIso(ct!) },
    });
  }
  const more = commits.length > limit;
  return { commit, commits: commits.slice(0, limit), nextOffset: more ? offset + limit : null };
}

/** How many commits `listCommits` would page through (HF `X-Total-Count`). */
export async function countCommits(
  repo: RepoRef,
  options: { rev: string; path?: string },
): Promise<number> {
  const gitDir = await requireRepo(repo);
  const path = normalizeTreePath(options.path);
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  return Number(
    await gitText({ gitDir, args: ["rev-list", "--count", commit, ...pathspec(path)] }),
  );
}

/** One commit's metadata (no diff); see getCommitDiff for the changes. */
export async function getCommit(repo: RepoRef, rev: string): Promise<CommitSummary> {
  const gitDir = await requireRepo(repo);
  const { commit } = await requireRevisionIn(gitDir, rev);
  return readCommitIn(gitDir, commit);
}

export async function readCommitIn(
  gitDir: string,
  commit: string,
): Promise<CommitSummary & { tree: string }> {
  const object = await objectContents(gitDir, commit, 16 * 1024 * 1024);
  if (!object || object.type !== "commit")
    throw new AppError("not_found", `Commit ${commit} not found.`);
  return parseCommitObject(object.oid, object.data);
}
