import "server-only";

import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { readLfsPointer } from "@/lib/hub/git/read-pointer";
import { runGit } from "@/lib/hub/git/run";
import type { LfsPointer } from "@/lib/hub/lfs/pointer";
import { requireRepo } from "@/lib/hub/repos/open";
import type { CommitSummary, RepoRef } from "@/lib/hub/types";

import { readCommitIn } from "./history";
import { boundedPatch, patchSections } from "./patch";
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

export type CommitDiffOptions = {
  rev: string;
  maxFiles?: number;
  maxPatchBytes?: number;
  maxFilePatchBytes?: number;
};

const statusOf: Record<string, FileChange["status"]> = {
  A: "added",
  M: "modified",
  D: "deleted",
  T: "typechange",
};
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

async function pointerOf(
  gitDir: string,
  oid: string | null,
  mode: string | null,
): Promise<LfsPointer | null> {
  if (!oid || mode === "160000" || mode === "120000") return null;
  const info = await objectInfo(gitDir, oid);
  return info ? readLfsPointer(gitDir, oid, info.size) : null;
}

/** A commit with its changed files (status, line counts) and bounded text diffs. */
export async function getCommitDiff(
  repo: RepoRef,
  options: CommitDiffOptions,
): Promise<CommitDiff> {
  const gitDir = await requireRepo(repo);
  const maxFiles = Math.min(options.maxFiles ?? 300, 1000);
  const maxPatchBytes = options.maxPatchBytes ?? 1024 * 1024;
  const maxFilePatchBytes = options.maxFilePatchBytes ?? 256 * 1024;
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const { tree: _tree, ...summary } = await readCommitIn(gitDir, commit);
  const base = summary.parents[0] ?? null;
  const range = treeRange(base, commit);

  const { stdout } = await runGit({
    gitDir,
    args: [
      "diff-tree",
      "--no-commit-id",
      "-r",
      "-z",
      "--no-renames",
      "--raw",
      "--numstat",
      ...range,
    ],
  });
  const all = parseRawNumstat(stdout.toString("utf8"));
  const files = all.slice(0, maxFiles);
  const stats = {
    files: all.length,
    additions: all.reduce((sum, f) => sum + f.additions, 0),
    deletions: all.reduce((sum, f) => sum + f.deletions, 0),
  };

  await Promise.all(
    files.map(async (file) => {
      const [oldPointer, newPointer] = await Promise.all([
        pointerOf(gitDir, file.oldOid, file.oldMode),
        pointerOf(gitDir, file.newOid, file.newMode),
      ]);
      if (oldPointer || newPointer) file.lfs = { old: oldPointer, new: newPointer };
    }),
  );

  const textual = files.filter((file) => !file.binary && !file.lfs);
  for (const file of files)
    if (file.binary || file.lfs) file.patchOmitted = file.lfs ? "lfs" : "binary";
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
