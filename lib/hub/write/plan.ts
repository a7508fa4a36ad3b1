import "server-only";

import fsp from "node:fs/promises";

import { AppError } from "@/lib/errors";
import { entryNotFound } from "@/lib/hub/errors";
import { objectContents } from "@/lib/hub/git/cat-file-pool";
import {
  attributeDirsFor,
  lfsTrackLine,
  parseGitattributes,
  type AttributesFile,
} from "@/lib/hub/lfs/gitattributes";
import { lfsVerdict } from "@/lib/hub/lfs/policy";
import { maxGitattributesBytes } from "@/lib/hub/limits";

import type { BaseTree } from "./base-tree";
import type { CommitOperation } from "./operations";

/** A file of the commit whose content is ready (spooled or already in the blob store). */
export type StagedFile = {
  path: string;
  kind: "file" | "lfsFile";
  size: number;
  sha256: string | null;
  /** Temp file holding the content; null once it moved into the blob store (or for lfsFile). */
  file: string | null;
};

type PlannedAdd = { staged: StagedFile; mode: string; lfs: boolean };

export type Plan = {
  removals: string[];
  adds: PlannedAdd[];
  /** Paths that go through LFS without a matching rule; a rule for each is appended to the root `.gitattributes`. */
  autoTracked: string[];
  /** The root `.gitattributes` content the commit starts from (for appending rules). */
  rootAttributes: string | null;
  rootAttributesMode: string;
};

function ancestors(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  return parts.map((_p, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * The `.gitattributes` texts (by folder) of the resulting tree: `override` gives the commit's own
 * version of a file (text, null when deleted, undefined when untouched), the base tree the rest.
 */
export async function readAttributes(
  gitDir: string,
  base: BaseTree,
  dirs: Iterable<string>,
  override: (path: string) => Promise<string | null | undefined>,
): Promise<AttributesFile[]> {
  const files: AttributesFile[] = [];
  for (const dir of dirs) {
    const path = dir ? `${dir}/.gitattributes` : ".gitattributes";
    let text = await override(path);
    if (text === undefined) {
      const entry = await base.lookup(path);
      const object =
        entry?.kind === "blob"
          ? await objectContents(gitDir, entry.oid, maxGitattributesBytes).catch(() => null)
          : null;
      text = object ? object.data.toString("utf8") : null;
    }
    if (text !== null) files.push({ dir, rules: parseGitattributes(text), text });
  }
  return files;
}

/**
 * Decides what the commit does to the base tree: which paths go, which come (with their mode and
 * whether they are stored as LFS pointers), refusing deletions of missing paths and file/folder
 * clashes with a clear message.
 */
export async function planCommit(options: {
  gitDir: string;
  base: BaseTree;
  operations: CommitOperation[];
  staged: Map<string, StagedFile>;
}): Promise<Plan> {
  const { gitDir, base, operations, staged } = options;
  const removals = new Set<string>();
  const deletedFolders: string[] = [];
  for (const operation of operations) {
    if (operation.kind === "deleteFile") {
      const entry = await base.lookup(operation.path);
      if (!entry) throw entryNotFound(operation.path);
      if (entry.kind === "tree")
        throw new AppError(
          "bad_request",
          `"${operation.path}" is a folder; delete it as a folder.`,
        );
      removals.add(operation.path);
    } else if (operation.kind === "deleteFolder") {
      const entry = await base.lookup(operation.path);
      if (entry?.kind !== "tree") throw entryNotFound(`${operation.path}/`);
      for (const file of await base.filesUnder(operation.path)) removals.add(file);
      deletedFolders.push(operation.path);
    }
  }
  const underDeletedFolder = (path: string) =>
    deletedFolders.some((dir) => path === dir || path.startsWith(`${dir}/`));

  const adds: PlannedAdd[] = [];
  const attributeDirs = new Set<string>([""]);
  for (const file of staged.values()) {
    const existing = await base.lookup(file.path);
    if (existing?.kind === "tree" && !underDeletedFolder(file.path)) {
      throw new AppError(
        "bad_request",
        `Cannot add "${file.path}": a folder with that name exists.`,
      );
    }
    for (const dir of ancestors(file.path)) {
      if (staged.has(dir))
        throw new AppError(
          "bad_request",
          `Cannot add both "${dir}" and "${file.path}": "${dir}" would be a file and a folder.`,
        );
      const blocking = await base.lookup(dir);
      if (blocking && blocking.kind !== "tree" && !removals.has(dir)) {
        throw new AppError("bad_request", `Cannot add "${file.path}": "${dir}" is a file.`);
      }
    }
    for (const dir of attributeDirsFor(file.path)) attributeDirs.add(dir);
    const mode = existing?.kind === "blob" && existing.mode === "100755" ? "100755" : "100644";
    adds.push({ staged: file, mode, lfs: false });
  }

  const attributes = await readAttributes(gitDir, base, attributeDirs, async (path) => {
    const added = staged.get(path);
    if (added) {
      if (added.kind === "lfsFile" || added.size > maxGitattributesBytes || !added.file) {
        throw new AppError(
          "bad_request",
          `"${path}" must be a plain text file of at most ${maxGitattributesBytes} bytes.`,
        );
      }
      return fsp.readFile(added.file, "utf8");
    }
    return removals.has(path) ? null : undefined;
  });
  const autoTracked: string[] = [];
  for (const add of adds) {
    const verdict = lfsVerdict(add.staged, attributes);
    // Content the client already put in LFS stays there, whatever the rules say.
    add.lfs = verdict.lfs || add.staged.kind === "lfsFile";
    if (add.staged.kind === "lfsFile" && !verdict.lfs) autoTracked.push(add.staged.path);
    else if (verdict.untracked) autoTracked.push(add.staged.path);
  }
  const rootEntry = removals.has(".gitattributes") ? null : await base.lookup(".gitattributes");
  return {
    removals: [...removals],
    adds,
    autoTracked,
    rootAttributes: attributes.find((file) => file.dir === "")?.text ?? null,
    rootAttributesMode: rootEntry?.mode === "100755" ? "100755" : "100644",
  };
}

/** The root `.gitattributes` with a rule appended for each auto-tracked path. */
export function withTrackRules(current: string | null, paths: string[]): string {
  const text = current ?? "";
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  return `${text}${separator}${paths.map(lfsTrackLine).join("\n")}\n`;
}
