import "server-only";

import type { RepoType } from "@/db/schema/enums";
import {
  countCommits,
  getCommitDiff,
  listCommits,
  type CommitDiff,
  type CommitSummary,
} from "@/lib/hub";

import { loadRefs, openRevision, type RefsView, type RevisionView } from "./file-views";
import { loadRepoView, type RepoView } from "./repo-view";

const commitsPageSize = 30;

export type CommitsView = {
  view: RepoView;
  revision: RevisionView;
  refs: RefsView;
  path: string;
  commits: CommitSummary[];
  page: number;
  pageCount: number;
  total: number;
};

/** A page of history at a revision, optionally only the commits that touched `path`. */
export async function loadCommits(input: {
  type: RepoType;
  owner: string;
  name: string;
  rev: string;
  path: string;
  page: number;
}): Promise<CommitsView> {
  const { view, ref, revision } = await openRevision(
    input.type,
    input.owner,
    input.name,
    input.rev,
  );
  const offset = (input.page - 1) * commitsPageSize;
  const [history, total, refs] = await Promise.all([
    listCommits(ref, { rev: revision.commit, path: input.path, offset, limit: commitsPageSize }),
    countCommits(ref, { rev: revision.commit, path: input.path }),
    loadRefs(ref),
  ]);
  return {
    view,
    revision,
    refs,
    path: input.path,
    commits: history.commits,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / commitsPageSize)),
    total,
  };
}

/** One commit with its changed files and bounded text diffs. */
export async function loadCommitDiff(input: {
  type: RepoType;
  owner: string;
  name: string;
  sha: string;
}): Promise<{ view: RepoView; diff: CommitDiff }> {
  const view = await loadRepoView(input.type, input.owner, input.name);
  const diff = await getCommitDiff(
    { type: input.type, owner: view.owner, name: view.name },
    { rev: input.sha },
  );
  return { view, diff };
}
