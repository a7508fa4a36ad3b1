import "server-only";

import type { Root } from "hast";

import type { RepoType } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import {
  getLastCommits,
  getPathInfo,
  listRefs,
  listTree,
  looksBinary,
  readFileBytes,
  requireRevision,
  servesLfsObject,
  type LastCommit,
  type ResolvedRevision,
  type TreeEntry,
} from "@/lib/hub";

import { isImagePath, isMarkdownPath, languageOf } from "../files/file-kind";
import { highlightCode } from "../files/highlight";
import { maxEditableBytes } from "../uploads/limits";
import { loadRepoView, type RepoView } from "./repo-view";

export type RevisionView = {
  rev: string;
  commit: string;
  kind: ResolvedRevision["kind"];
  /** The branch name when the revision is a branch (edits and uploads go there). */
  branch: string | null;
};
export type RefsView = {
  defaultBranch: string;
  branches: string[];
  tags: string[];
  /** Each branch's commit, the parent a browser commit to it is based on. */
  heads: Record<string, string>;
};
export type EntryView = TreeEntry & { lastCommit: LastCommit | null };

const treePageSize = 500;

export async function openRevision(type: RepoType, owner: string, name: string, rev: string) {
  const view = await loadRepoView(type, owner, name);
  const ref = { type, owner: view.owner, name: view.name };
  const resolved = await requireRevision(ref, rev);
  const branch =
    resolved.kind === "branch" && resolved.ref ? resolved.ref.slice("refs/heads/".length) : null;
  const revision: RevisionView = { rev, commit: resolved.commit, kind: resolved.kind, branch };
  return { view, ref, revision };
}

export async function loadRefs(ref: {
  type: RepoType;
  owner: string;
  name: string;
}): Promise<RefsView> {
  const refs = await listRefs(ref);
  return {
    defaultBranch: refs.defaultBranch,
    branches: refs.branches.map((b) => b.name),
    tags: refs.tags.map((t) => t.name),
    heads: Object.fromEntries(refs.branches.map((b) => [b.name, b.commit])),
  };
}

export type TreeView = {
  view: RepoView;
  revision: RevisionView;
  refs: RefsView;
  path: string;
  entries: EntryView[];
  nextOffset: number | null;
  /** The newest commit that touched this folder. */
  lastCommit: LastCommit | null;
};

/** A folder at a revision: entries (folders first), each with the last commit that touched it. */
export async function loadTree(input: {
  type: RepoType;
  owner: string;
  name: string;
  rev: string;
  path: string;
  offset?: number;
}): Promise<TreeView> {
  const { view, ref, revision } = await openRevision(
    input.type,
    input.owner,
    input.name,
    input.rev,
  );
  const page = await listTree(ref, {
    rev: revision.commit,
    path: input.path,
    offset: input.offset,
    limit: treePageSize,
  });
  const paths = page.entries.map((e) => e.path);
  const [commits, refs] = await Promise.all([
    getLastCommits(ref, {
      rev: revision.commit,
      paths: input.path ? [...paths, input.path] : paths,
      dir: input.path,
    }),
    loadRefs(ref),
  ]);
  const entries = page.entries
    .map((entry) => ({ ...entry, lastCommit: commits[entry.path] ?? null }))
    .sort((a, b) => (a.type === b.type ? 0 : a.type === "directory" ? -1 : 1));
  const lastCommit = input.path
    ? (commits[input.path] ?? null)
    : (Object.values(commits).sort((a, b) => b.date.localeCompare(a.date))[0] ?? null);
  return {
    view,
    revision,
    refs,
    path: input.path,
    entries,
    nextOffset: page.nextOffset,
    lastCommit,
  };
}

type FileDisplay =
  | { kind: "markdown"; text: string }
  | { kind: "text"; text: string; highlighted: Root | null; lines: number }
  | { kind: "image" }
  | { kind: "binary" }
  | { kind: "too_large" };

export type BlobView = {
  view: RepoView;
  revision: RevisionView;
  refs: RefsView;
  entry: TreeEntry;
  lastCommit: LastCommit | null;
  display: FileDisplay;
  /** The file can be edited in the browser (text, small, and the revision is a branch). */
  editable: boolean;
};

/**
 * A file at a revision and how to show it. Only files up to 1 MB are read (images are shown by
 * the browser from the download URL; anything larger or binary becomes a download card).
 * Null when the path is a folder.
 */
export async function loadBlob(input: {
  type: RepoType;
  owner: string;
  name: string;
  rev: string;
  path: string;
}): Promise<BlobView | null> {
  const { view, ref, revision } = await openRevision(
    input.type,
    input.owner,
    input.name,
    input.rev,
  );
  const { entry } = await getPathInfo(ref, { rev: revision.commit, path: input.path });
  if (!entry) throw new AppError("not_found", `"${input.path}" does not exist at "${input.rev}".`);
  if (entry.type === "directory") return null;
  const [commits, refs] = await Promise.all([
    getLastCommits(ref, { rev: revision.commit, paths: [entry.path] }),
    loadRefs(ref),
  ]);
  let display: FileDisplay;
  // A pointer to LFS content this repository may not serve is shown as the pointer's text.
  const withheld = entry.lfs ? !(await servesLfsObject(ref, entry.lfs)) : false;
  if (isImagePath(entry.path) && !withheld) display = { kind: "image" };
  else if (entry.size > maxEditableBytes && !withheld) display = { kind: "too_large" };
  else {
    const { data } = await readFileBytes(ref, {
      rev: revision.commit,
      path: entry.path,
      maxBytes: maxEditableBytes,
    });
    if (looksBinary(data)) display = { kind: "binary" };
    else {
      const text = data.toString("utf8");
      display = isMarkdownPath(entry.path)
        ? { kind: "markdown", text }
        : {
            kind: "text",
            text,
            highlighted: highlightCode(text, languageOf(entry.path)),
            lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0),
          };
    }
  }
  const editable =
    view.canWrite &&
    revision.kind === "branch" &&
    (display.kind === "text" || display.kind === "markdown");
  return {
    view,
    revision,
    refs,
    entry,
    lastCommit: commits[entry.path] ?? null,
    display,
    editable,
  };
}
