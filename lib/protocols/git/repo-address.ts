import type { RepoType } from "@/db/schema/enums";
import { repoNotFound } from "@/lib/hub/errors";
import type { RepoRef } from "@/lib/hub/types";
import { isValidRepoName } from "@/lib/validation/repo-names";

const ownerPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The repository a git URL names: `{owner}/{name}.git` or `{owner}/{name}` (both clone; git-lfs
 * always adds `.git`). Repository names never end in `.git`, so the suffix is unambiguous.
 */
export function gitRepoAddress(type: RepoType, owner: string, rawName: string): RepoRef {
  const name = rawName.endsWith(".git") ? rawName.slice(0, -4) : rawName;
  if (!ownerPattern.test(owner) || owner.includes("..") || !isValidRepoName(name)) {
    throw repoNotFound();
  }
  return { type, owner, name };
}
