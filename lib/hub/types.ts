import type { RepoType } from "@/db/schema/enums";

/** Names a repository. `owner` and `name` are the canonical spelling given at creation. */
export type RepoRef = { type: RepoType; owner: string; name: string };

type LfsInfo = { oid: string; size: number; pointerSize: number };

/** A file or folder in a tree. For LFS files `size` is the real size, `oid` the pointer blob's. */
export type TreeEntry = {
  name: string;
  path: string;
  type: "file" | "directory";
  oid: string;
  size: number;
  /** git file mode: 100644, 100755 (executable), 120000 (symlink), 040000, 160000 (submodule). */
  mode: string;
  lfs?: LfsInfo;
};

export type Person = { name: string; email: string; date: string };

export type CommitSummary = {
  id: string;
  parents: string[];
  title: string;
  message: string;
  author: Person;
  committer: Person;
};

export type LastCommit = { id: string; title: string; date: string; authorName: string };

export type RefInfo = {
  name: string;
  ref: string;
  commit: string;
  /** An annotated tag's message subject (its first line); absent for branches and lightweight tags. */
  message?: string;
};
