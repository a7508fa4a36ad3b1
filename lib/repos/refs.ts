import "server-only";

import type { Caller } from "@/lib/auth/caller";
import {
  createBranch,
  createTag,
  deleteBranch,
  deleteTag,
  listRefs,
  type RefInfo,
} from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";

import { getRepo } from "./access";

type RefKind = "branch" | "tag";

/** Branches and tags of a repository the caller may read (404 otherwise). */
export async function listRepoRefs(
  caller: Caller | null,
  address: RepoRef,
): Promise<{ defaultBranch: string; branches: RefInfo[]; tags: RefInfo[] }> {
  const { ref } = await getRepo(caller, address, "read");
  return listRefs(ref);
}

/** A new branch or (lightweight) tag at a revision, by a writer of the repository. */
export async function createRepoRef(
  caller: Caller | null,
  input: { repo: RepoRef; kind: RefKind; name: string; from: string },
): Promise<{ ref: string; commit: string }> {
  const { ref } = await getRepo(caller, input.repo, "write");
  return input.kind === "branch"
    ? createBranch(ref, { branch: input.name, from: input.from, source: "web" })
    : createTag(ref, { tag: input.name, rev: input.from, source: "web" });
}

/** Deletes a branch (never the default one) or a tag, by a writer of the repository. */
export async function deleteRepoRef(
  caller: Caller | null,
  input: { repo: RepoRef; kind: RefKind; name: string },
): Promise<void> {
  const { ref } = await getRepo(caller, input.repo, "write");
  if (input.kind === "branch") await deleteBranch(ref, { branch: input.name, source: "web" });
  else await deleteTag(ref, { tag: input.name, source: "web" });
}
