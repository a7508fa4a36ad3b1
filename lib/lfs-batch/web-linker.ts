import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { findRepoRecord } from "@/db/queries/repos";
import { AppError } from "@/lib/errors";
import {
  getCommitDiff,
  readFileBytes,
  repoGitDir,
  type RefUpdate,
  type RepoChange,
  type RepoRef,
} from "@/lib/hub";
import {
  attributeDirsFor,
  isLfsTracked,
  parseGitattributes,
  type AttributesFile,
} from "@/lib/hub/lfs/gitattributes";
import { maxGitattributesBytes } from "@/lib/hub/limits";

import { linkRepoLfsObjects } from "./links";

async function attributesAt(
  repo: RepoRef,
  commit: string,
  dirs: Set<string>,
): Promise<AttributesFile[]> {
  const files: AttributesFile[] = [];
  for (const dir of dirs) {
    const path = dir ? `${dir}/.gitattributes` : ".gitattributes";
    try {
      const { data } = await readFileBytes(repo, {
        rev: commit,
        path,
        maxBytes: maxGitattributesBytes,
      });
      files.push({ dir, rules: parseGitattributes(data.toString("utf8")) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return files;
}

/**
 * Whether a ref move is a server-side commit: `commitChanges` moves branches with the reflog
 * reason "commit: …" (pushes log "push", branch and tag changes "branch: …"/"tag: …"). Only such a
 * move adds content whose bytes the server received; a branch created or reset through the site
 * at a pushed commit must not link what that commit points at.
 */
async function isServerCommit(gitDir: string, update: RefUpdate): Promise<boolean> {
  if (!update.before || !update.after || !update.ref.startsWith("refs/heads/")) return false;
  const file = path.join(gitDir, "logs", update.ref);
  const handle = await fsp.open(file, "r").catch(() => null);
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 256 * 1024);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    const entry = `${update.before} ${update.after} `;
    const line = buffer
      .toString("utf8")
      .split("\n")
      .reverse()
      .find((l) => l.startsWith(entry));
    return line?.split("\t", 2)[1]?.startsWith("commit: ") ?? false;
  } finally {
    await handle.close();
  }
}

/**
 * Links the LFS content of a commit made through the site (`commitChanges` from a web upload) to
 * its repository (only server-side commits: see isServerCommit). Such commits store uploaded bytes in LFS only at paths `.gitattributes` tracks
 * (it adds a rule when size alone decides), so a pointer at a tracked path is content the
 * uploader sent; a pointer-shaped text file at an untracked path is just text and is not linked.
 */
export async function linkWebCommit(change: RepoChange): Promise<void> {
  if (change.kind !== "refs" || change.source !== "web") return;
  const record = await findRepoRecord(change.repo.type, change.repo.owner, change.repo.name);
  if (!record) return;
  const gitDir = repoGitDir(change.repo);
  for (const update of change.refs) {
    if (!update.after || !(await isServerCommit(gitDir, update))) continue;
    const diff = await getCommitDiff(change.repo, {
      rev: update.after,
      maxFiles: 1000,
      maxPatchBytes: 0,
    });
    const added = diff.files.filter((file) => file.lfs?.new);
    if (added.length === 0) continue;
    const dirs = new Set(added.flatMap((file) => attributeDirsFor(file.path)));
    const attributes = await attributesAt(change.repo, update.after, dirs);
    const objects = added
      .filter((file) => isLfsTracked(file.path, attributes))
      .map((file) => ({ sha256: file.lfs!.new!.oid, size: file.lfs!.new!.size }));
    await linkRepoLfsObjects(record.id, objects);
  }
}
