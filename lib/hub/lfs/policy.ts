import { lfsThresholdBytes } from "@/lib/hub/limits";

import { isLfsTracked, type AttributesFile } from "./gitattributes";

export type LfsVerdict = {
  lfs: boolean;
  /** LFS although no `.gitattributes` rule matches (only the size decides). */ untracked: boolean;
};

function isAttributesFile(path: string): boolean {
  return path === ".gitattributes" || path.endsWith("/.gitattributes");
}

/**
 * The hub's LFS rule: a file goes through LFS when it is `lfsThresholdBytes` or larger, or when a
 * `filter=lfs` rule of the resulting tree's `.gitattributes` matches it. `.gitattributes` files
 * themselves never do (git-lfs could not read its own rules). Client-safe: the upload dialog uses it.
 */
export function lfsVerdict(
  file: { path: string; size: number },
  attributes: AttributesFile[],
): LfsVerdict {
  if (isAttributesFile(file.path)) return { lfs: false, untracked: false };
  const tracked = isLfsTracked(file.path, attributes);
  const lfs = tracked || file.size >= lfsThresholdBytes;
  return { lfs, untracked: lfs && !tracked };
}
