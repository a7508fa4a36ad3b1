import type { LastCommit, TreeEntry } from "@/lib/hub";

/**
 * A tree entry as both clients read it (ApiIndexTreeEntry; Python's RepoFile/RepoFolder need
 * `path`, `oid`, and `size` for files): for LFS files `size` is the real size and `lfs` has the
 * sha256, size and pointer size.
 */
export function treeEntryJson(entry: TreeEntry, lastCommit?: LastCommit): Record<string, unknown> {
  return {
    type: entry.type,
    oid: entry.oid,
    size: entry.size,
    path: entry.path,
    ...(entry.lfs
      ? { lfs: { oid: entry.lfs.oid, size: entry.lfs.size, pointerSize: entry.lfs.pointerSize } }
      : {}),
    ...(lastCommit
      ? { lastCommit: { id: lastCommit.id, title: lastCommit.title, date: lastCommit.date } }
      : {}),
  };
}

/** `expand` as clients send it: `true`/`True`/`1` (query strings, forms) or a JSON boolean. */
export function isTruthy(value: unknown): boolean {
  return value === true || (typeof value === "string" && /^(1|true)$/i.test(value.trim()));
}
