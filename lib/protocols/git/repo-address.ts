import { repoNotFound } from "@/lib/hub/errors";
import type { RepoAddress } from "@/lib/repos/access";
import { isValidRepoName, type RepoType } from "@/lib/validation/repo-names";

const ownerPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The repository a git URL names: `{owner}/{name}.git` or `{owner}/{name}` (both clone; git-lfs
 * always adds `.git`). Repository names never end in `.git`, so the suffix is unambiguous.
 */
export function gitRepoAddress(type: RepoType, owner: string, rawName: string): RepoAddress {
  const name = rawName.endsWith(".git") ? rawName.slice(0, -4) : rawName;
  if (!ownerPattern.test(owner) || owner.includes("..") || !isValidRepoName(name)) {
    throw repoNotFound();
  }
  return { type, owner, name };
}
