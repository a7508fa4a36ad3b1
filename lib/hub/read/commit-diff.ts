import "server-only";

import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { readLfsPointer } from "@/lib/hub/git/read-pointer";
import { runGit, spawnGit } from "@/lib/hub/git/run";
import type { LfsPointer } from "@/lib/hub/lfs/pointer";
import { requireRepo } from "@/lib/hub/repos/open";
import type { CommitSummary, RepoRef } from "@/lib/hub/types";

import { readCommitIn } from "./history";
import { requireRevisionIn } from "./revisions";

export type FileChange = {
  path: string;
  status: "added" | "modified" | "deleted" | "typechange";
  oldOid: string | null;
  newOid: string | null;
  oldMode: string | null;
  newMode: string | null;
  additions: number;
  deletions: number;
  binary: boolean;
  /** Present when either side is an LFS pointer; the patch is then left out. */
  lfs?: { old: LfsPointer | null; new: LfsPointer | null };
  /** Unified diff hunks (from the first "@@"), or "" when there are none (mode change, empty file). */
  patch?: string;
  /** Why `patch` is missing: binary, LFS, too large for one file, or the commit's budget ran out. */
  patchOmitted?: "binary" | "lfs" | "too_large" | "limit";
};

export type CommitDiff = {
  commit: CommitSummary;
  /** The parent the diff is against (the first parent for merges); null for a root commit. */
  base: string | null;
  files: FileChange[];
  /** True when the commit changed more files than were listed. */
  filesTruncated: boolean;
  stats: { files: number; additions: number; deletions: number };
};

export type CommitDiffOptions = { rev: string; maxFiles?: number; maxPatchBytes?: number; maxFilePatchBytes?: number };

const statusOf: Record<string, FileChange["status"]> = { A: "added", M: "modified", D: "deleted", T: "typechange" };
const zeroOid = /^0+$/;

function treeRange(base: string | null, commit: string): string[] {
  return base ? [base, commit] : ["--root", commit];
}

/** Parses `diff-tree -z --raw --numstat` output: raw records first, then numstat records, same order. */
function parseRawNumstat(output: string): FileChange[] {
  const tokens = output.split("\0");
  const files: FileChange[] = [];
  let i = 0;
  for (; i < tokens.length && tokens[i]!.startsWith(":"); i += 2) {
    const [oldMode, newMode, oldOid, newOid, status] = tokens[i]!.slice(1).split(" ");
    files.push({
      path: tokens[i + 1]!,
      status: statusOf[status!] ?? "modified",
      oldOid: zeroOid.test(oldOid!) ? null : oldOid!,
      newOid: zeroOid.test(newOid!) ? null : newOid!,
      oldMode: oldMode === "000000" ? null : oldMode!,
      newMode: newMode === "000000" ? null : newMode!,
      additions: 0,
      deletions: 0,
      binary: false,
    });
  }
  for (const file of files) {
    const [added, deleted] = (tokens[i++] ?? "").split("\t");
    file.binary = added === "-";
    file.additions = file.binary ? 0 : Number(added) || 0;
    file.deletions = file.binary ? 0 : Number(deleted) || 0;
  }
  return files;
}

async function pointerOf(gitDir: string, oid: string | null, mode: string | null): Promise<LfsPointer | null> {
  if (!oid || mode === "160000" || mode === "120000") return null;
  const info = await objectInfo(gitDir, oid);
  return info ? readLfsPointer(gitDir, oid, info.size) : null;
}

/** Runs `git diff` between the trees and keeps at most `budget` bytes of its output. */
async function boundedPatch(gitDir: string, range: string[], paths: string[], budget: number): Promise<{ text: string; complete: boolean }> {
  const child = spawnGit({
    gitDir,
    args: ["diff-tree", "--no-commit-id", "-p", "-r", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "-U3", ...range, "--", ...paths],
  });
  child.stdin.end();
  child.stderr.resume();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > budget) {
        complete = false;
        break;
      }
    }
  } finally {
    child.kill("SIGKILL");
  }
  return { text: Buffer.concat(chunks).subarray(0, budget).toString("utf8"), complete };
}

/** Unquotes a C-style quoted path as git writes it ("a/x\ty", octal escapes for bytes). */
function unquote(quoted: string): string {
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, "\\": 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 1; i < quoted.length - 1; i++) {
    const c = quoted[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c));
    } else if (/[0-7]/.test(quoted[i + 1] ?? "")) {
      bytes.push(parseInt(quoted.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[quoted[++i]!] ?? 63);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The path of a `diff --git a/P b/P` header (renames are off, so both sides are the same path). */
function headerPath(header: string): string {
  if (header.startsWith('"')) return unquote(/^"(?:[^"\\]|\\.)*"/.exec(header)?.[0] ?? '""').replace(/^a\//, "");
  return header.slice(2, 2 + (header.length - 5) / 2);
}

/**
 * Splits `diff-tree -p` output into hunks per path. A type change (file ↔ symlink) comes as two
 * sections for one path; they are joined.
 */
function patchSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const section of text.split(/^diff --git /m).slice(1)) {
    const newline = section.indexOf("\n");
    const path = headerPath(newline < 0 ? section : section.slice(0, newline));
    const hunks = section.indexOf("\n@@");
    sections.set(path, (sections.get(path) ?? "") + (hunks < 0 ? "" : section.slice(hunks + 1)));
  }
  return sections;
}

/** A commit with its changed files (status, line counts) and bounded text diffs. */
export async function getCommitDiff(repo: RepoRef, options: CommitDiffOptions): Promise<CommitDiff> {
  const gitDir = await requireRepo(repo);
  const maxFiles = Math.min(options.maxFiles ?? 300, 1000);
  const maxPatchBytes = options.maxPatchBytes ?? 1024 * 1024;
  const maxFilePatchBytes = options.maxFilePatchBytes ?? 256 * 1024;
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const { tree: _tree, ...summary } = await readCommitIn(gitDir, commit);
  const base = summary.parents[0] ?? null;
  const range = treeRange(base, commit);

  const { stdout } = await runGit({ gitDir, args: ["diff-tree", "--no-commit-id", "-r", "-z", "--no-renames", "--raw", "--numstat", ...range] });
  const all = parseRawNumstat(stdout.toString("utf8"));
  const files = all.slice(0, maxFiles);
  const stats = {
    files: all.length,
    additions: all.reduce((sum, f) => sum + f.additions, 0),
    deletions: all.reduce((sum, f) => sum + f.deletions, 0),
  };

  await Promise.all(
    files.map(async (file) => {
      const [oldPointer, newPointer] = await Promise.all([pointerOf(gitDir, file.oldOid, file.oldMode), pointerOf(gitDir, file.newOid, file.newMode)]);
      if (oldPointer || newPointer) file.lfs = { old: oldPointer, new: newPointer };
    }),
  );

  const textual = files.filter((file) => !file.binary && !file.lfs);
  for (const file of files) if (file.binary || file.lfs) file.patchOmitted = file.lfs ? "lfs" : "binary";
  if (textual.length > 0) {
    // Without a pathspec when every file is wanted: shorter command lines, same output.
    const paths = textual.length === all.length ? [] : textual.map((f) => f.path);
    const { text, complete } = await boundedPatch(gitDir, range, paths, maxPatchBytes);
    const sections = patchSections(text);
    const lastPath = complete ? null : [...sections.keys()].at(-1);
    for (const file of textual) {
      const section = sections.get(file.path);
      if (section === undefined || file.path === lastPath) {
        file.patchOmitted = "limit";
        continue;
      }
      if (Buffer.byteLength(section) > maxFilePatchBytes) file.patchOmitted = "too_large";
      else file.patch = section;
    }
  }
  return { commit: summary, base, files, filesTruncated: all.length > files.length, stats };
}
