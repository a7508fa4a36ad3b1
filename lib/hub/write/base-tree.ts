import "server-only";

import { readTree, type RawTreeEntry } from "@/lib/hub/git/tree-object";

/**
 * Looks up paths in the commit a change is based on, reading each folder once (through the
 * repo's cat-file process), to check what exists before building the new tree.
 */
export class BaseTree {
  private readonly trees = new Map<string, Promise<RawTreeEntry[]>>();

  constructor(
    private readonly gitDir: string,
    /** The base commit, or null for a repository's first commit. */
    private readonly commit: string | null,
  ) {}

  private folder(dir: string): Promise<RawTreeEntry[]> {
    let entries = this.trees.get(dir);
    if (!entries) {
      entries = this.commit
        ? readTree(this.gitDir, dir ? `${this.commit}:${dir}` : `${this.commit}^{tree}`).then(
            (e) => e ?? [],
          )
        : Promise.resolve([]);
      this.trees.set(dir, entries);
    }
    return entries;
  }

  /** The entry at `path`, or null. Walks only through folders (a file in the way means "missing"). */
  async lookup(path: string): Promise<RawTreeEntry | null> {
    const slash = path.lastIndexOf("/");
    const dir = slash < 0 ? "" : path.slice(0, slash);
    if (dir) {
      const parent = await this.lookup(dir);
      if (parent?.kind !== "tree") return null;
    }
    return (await this.folder(dir)).find((entry) => entry.name === path.slice(slash + 1)) ?? null;
  }

  /** Every file (blob, symlink, submodule) below a folder, with full paths. */
  async filesUnder(dir: string): Promise<string[]> {
    const files: string[] = [];
    for (const entry of await this.folder(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.kind === "tree") files.push(...(await this.filesUnder(path)));
      else files.push(path);
    }
    return files;
  }
}
