import "server-only";

import { AppError } from "@/lib/errors";
import { entryNotFound } from "@/lib/hub/errors";
import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { readLfsPointer } from "@/lib/hub/git/read-pointer";
import { readTree, type RawTreeEntry } from "@/lib/hub/git/tree-object";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef, TreeEntry } from "@/lib/hub/types";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { requireRevisionIn } from "./revisions";

export type ListTreeOptions = {
  rev: string;
  /** Folder to list; "" is the root. */
  path?: string;
  recursive?: boolean;
  /** Entries to skip (pagination). */
  offset?: number;
  limit?: number;
};

export type TreePage = { commit: string; entries: TreeEntry[]; nextOffset: number | null };

const maxLimit = 10_000;

/** Accepts "" (root) and paths with or without a trailing '/', refusing anything malformed. */
export function normalizeTreePath(path: string | undefined): string {
  const trimmed = (path ?? "").replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "";
  const problem = repoPathProblem(trimmed);
  if (problem) throw new AppError("bad_request", problem);
  return trimmed;
}

function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** Pre-order walk in git's tree order, one `cat-file` request per folder visited. */
async function* walk(
  gitDir: string,
  treeOid: string,
  dir: string,
  recursive: boolean,
): AsyncGenerator<RawTreeEntry & { path: string }> {
  const entries = (await readTree(gitDir, treeOid)) ?? [];
  for (const entry of entries) {
    const path = joinPath(dir, entry.name);
    yield { ...entry, path };
    if (recursive && entry.kind === "tree") yield* walk(gitDir, entry.oid, path, true);
  }
}

/** Adds sizes and LFS details; pointer-sized blobs are read (pipelined on the repo's process). */
async function hydrateEntries(
  gitDir: string,
  raw: (RawTreeEntry & { path: string })[],
): Promise<TreeEntry[]> {
  return Promise.all(
    raw.map(async (entry): Promise<TreeEntry> => {
      const base = { name: entry.name, path: entry.path, oid: entry.oid, mode: entry.mode };
      if (entry.kind === "tree") return { ...base, type: "directory", size: 0 };
      if (entry.kind === "commit") return { ...base, type: "file", size: 0 };
      const info = await objectInfo(gitDir, entry.oid);
      const size = info?.size ?? 0;
      const pointer =
        entry.mode === "120000" ? null : await readLfsPointer(gitDir, entry.oid, size);
      if (pointer)
        return {
          ...base,
          type: "file",
          size: pointer.size,
          lfs: { ...pointer, pointerSize: size },
        };
      return { ...base, type: "file", size };
    }),
  );
}

export async function listTree(repo: RepoRef, options: ListTreeOptions): Promise<TreePage> {
  const gitDir = await requireRepo(repo);
  const path = normalizeTreePath(options.path);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.min(maxLimit, Math.max(1, Math.floor(options.limit ?? 1000)));
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const tree = await objectInfo(gitDir, path ? `${commit}:${path}` : `${commit}^{tree}`);
  if (!tree) throw entryNotFound(path, options.rev);
  if (tree.type !== "tree") {
    throw new AppError("bad_request", `"${path}" is a file, not a folder.`, {
      reason: "not_a_folder",
    });
  }

  const page: (RawTreeEntry & { path: string })[] = [];
  let seen = 0;
  let more = false;
  for await (const entry of walk(gitDir, tree.oid, path, options.recursive ?? false)) {
    if (seen++ < offset) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(entry);
  }
  return {
    commit,
    entries: await hydrateEntries(gitDir, page),
    nextOffset: more ? offset + limit : null,
  };
}

/** One path's entry at a commit; "" is the root folder. Null when the path does not exist. */
export async function statPathIn(
  gitDir: string,
  commit: string,
  path: string,
): Promise<TreeEntry | null> {
  if (path === "") {
    const root = await objectInfo(gitDir, `${commit}^{tree}`);
    return root
      ? { name: "", path: "", type: "directory", oid: root.oid, size: 0, mode: "040000" }
      : null;
  }
  const slash = path.lastIndexOf("/");
  const dir = slash < 0 ? "" : path.slice(0, slash);
  const parent = await readTree(gitDir, dir ? `${commit}:${dir}` : `${commit}^{tree}`);
  const raw = parent?.find((entry) => entry.name === path.slice(slash + 1));
  if (!raw) return null;
  const [entry] = await hydrateEntries(gitDir, [{ ...raw, path }]);
  return entry ?? null;
}

export async function getPathInfo(
  repo: RepoRef,
  options: { rev: string; path: string },
): Promise<{ commit: string; entry: TreeEntry | null }> {
  const gitDir = await requireRepo(repo);
  const path = normalizeTreePath(options.path);
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  return { commit, entry: await statPathIn(gitDir, commit, path) };
}

/** Entries for several paths at one revision (HF `paths-info`); missing paths are left out. */
export async function getPathsInfo(
  repo: RepoRef,
  options: { rev: string; paths: string[] },
): Promise<{ commit: string; entries: TreeEntry[] }> {
  if (options.paths.length > 1000)
    throw new AppError("bad_request", "Ask for at most 1000 paths at once.");
  const gitDir = await requireRepo(repo);
  const paths = [...new Set(options.paths.map(normalizeTreePath))];
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const entries = await Promise.all(paths.map((path) => statPathIn(gitDir, commit, path)));
  return { commit, entries: entries.filter((entry): entry is TreeEntry => entry !== null) };
}
