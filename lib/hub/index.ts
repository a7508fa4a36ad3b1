import "server-only";

// The repository store: what pages, uploads, the HF API and git HTTP call. Client-safe pieces
// (card parsing, LFS rules, limits, name and path validation) are imported from their own modules.

export type { Identity } from "./git/identity";
export type {
  CommitSummary,
  LastCommit,
  LfsInfo,
  Person,
  RefInfo,
  RepoRef,
  RepoType,
  TreeEntry,
} from "./types";

export { repoGitDir } from "./paths";
export {
  deleteRepository,
  initRepository,
  renameRepository,
  type InitRepositoryInput,
} from "./repos/manage";
export { repoExists } from "./repos/open";
export { listHubTempEntries } from "./repos/sweep";

export { servedLfsObjects, servesLfsObject, type LfsObjectRef } from "./lfs/served";
export { looksBinary, openFile, readFileBytes, type OpenedFile } from "./read/blob";
export { getCommitDiff, type CommitDiff, type FileChange } from "./read/commit-diff";
export {
  countCommits,
  getCommit,
  listCommits,
  type HistoryOptions,
  type HistoryPage,
} from "./read/history";
export { getLastCommits, type LastCommitsOptions } from "./read/last-commits";
export {
  getDefaultBranch,
  requireRevision,
  resolveRevision,
  type ResolvedRevision,
} from "./read/revisions";
export {
  getPathInfo,
  getPathsInfo,
  listTree,
  type ListTreeOptions,
  type TreePage,
} from "./read/tree";

export { createBranch, deleteBranch, type CreateBranchOptions } from "./refs/branches";
export { listRefs } from "./refs/list-refs";
export { createTag, deleteTag, type CreateTagOptions } from "./refs/tags";

export type { BuiltFile as CommittedFile } from "./write/build-commit";
export { commitChanges, type CommitChangesInput, type CommitResult } from "./write/commit-changes";
export { lfsDecision } from "./write/lfs-decision";
export type { CommitOperation } from "./write/operations";
export type { FileSource } from "./write/spool";

export {
  notifyRepoChanged,
  onRepoChanged,
  type ChangeSource,
  type RefUpdate,
  type RepoChange,
  type RepoChangeListener,
} from "./events";
