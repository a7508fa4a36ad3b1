import "server-only";

// The repository store: what pages, uploads, the HF API and git HTTP call. Client-safe pieces
// (card parsing, LFS rules, limits, name and path validation) are imported from their own modules.

export type { CommitSummary, LastCommit, RefInfo, RepoRef, TreeEntry } from "./types";

export { repoGitDir } from "./paths";
export { deleteRepository, initRepository, renameRepository } from "./repos/manage";
export { repoExists } from "./repos/open";

export { servedLfsObjects, servesLfsObject } from "./lfs/served";
export { looksBinary, openFile, readFileBytes } from "./read/blob";
export { getCommitDiff, type CommitDiff, type FileChange } from "./read/commit-diff";
export { countCommits, getCommit, listCommits } from "./read/history";
export { getLastCommits } from "./read/last-commits";
export {
  getDefaultBranch,
  requireRevision,
  resolveRevision,
  type ResolvedRevision,
} from "./read/revisions";
export { getPathInfo, getPathsInfo, listTree } from "./read/tree";

export { createBranch, deleteBranch } from "./refs/branches";
export { listRefs } from "./refs/list-refs";
export { createTag, deleteTag } from "./refs/tags";

export { commitChanges } from "./write/commit-changes";
export { lfsDecision } from "./write/lfs-decision";
export type { CommitOperation } from "./write/operations";

export { notifyRepoChanged, onRepoChanged, type RefUpdate, type RepoChange } from "./events";
