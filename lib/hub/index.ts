import "server-only";

// The repository store: what pages, uploads, the HF API and git HTTP call. Client-safe pieces
// (card parsing, LFS rules, limits, name and path validation) are imported from their own modules.

export type { LfsInfo, RepoRef, RepoType, TreeEntry, CommitSummary, LastCommit, Person, RefInfo } from "./types";
export type { Identity } from "./git/identity";

export { initRepository, deleteRepository, renameRepository, type InitRepositoryInput } from "./repos/manage";
export { repoExists } from "./repos/open";
export { repoGitDir } from "./paths";

export { resolveRevision, requireRevision, getDefaultBranch, type ResolvedRevision } from "./read/revisions";
export { listTree, getPathInfo, getPathsInfo, type ListTreeOptions, type TreePage } from "./read/tree";
export { openFile, readFileBytes, looksBinary, type OpenedFile } from "./read/blob";
export { getLastCommits, type LastCommitsOptions } from "./read/last-commits";
export { listCommits, countCommits, getCommit, type HistoryOptions, type HistoryPage } from "./read/history";
export { getCommitDiff, type CommitDiff, type FileChange } from "./read/commit-diff";

export { listRefs, createBranch, deleteBranch, createTag, deleteTag, type ChangeSource } from "./refs/refs";

export { commitChanges, type CommitChangesInput, type CommitResult } from "./write/commit-changes";
export type { CommitOperation } from "./write/operations";
export type { FileSource } from "./write/spool";
export type { BuiltFile as CommittedFile } from "./write/build-commit";
export { lfsDecision } from "./write/lfs-decision";

export { onRepoChanged, notifyRepoChanged, type RepoChange, type RefUpdate } from "./events";
