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

/** A commit with its changed files (status, line counts) and bounded text diffs. */
export async function getCommitDiff(repo: RepoRef, options: CommitDiffOptions): Promise<CommitDiff> {
  const gitDir = await requireRepo(repo);
  const maxFiles = options.maxFiles ?? 300;
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
    const { text, complete } = await boundedPatch(gitDir, range, textual.map((f) => f.path), maxPatchBytes);
    const sections = text.split(/^diff --git /m).slice(1);
    textual.forEach((file, index) => {
      const section = sections[index];
      const cut = !complete && index >= sections.length - 1;
      if (section === undefined || cut) {
        file.patchOmitted = "limit";
        return;
      }
      const hunks = section.indexOf("\n@@");
      const patch = hunks < 0 ? "" : section.slice(hunks + 1);
      if (Buffer.byteLength(patch) > maxFilePatchBytes) file.patchOmitted = "too_large";
      else file.patch = patch;
    });
  }
  return { commit: summary, base, files, filesTruncated: all.length > files.length, stats };
}
