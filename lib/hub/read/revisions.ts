import "server-only";

import fs from "node:fs/promises";
import path from "node:path";

import { AppError } from "@/lib/errors";
import { revisionNotFound } from "@/lib/hub/errors";
import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef } from "@/lib/hub/types";
import { isRevision } from "@/lib/validation/ref-names";

export type ResolvedRevision = {
  /** Full commit sha. */
  commit: string;
  kind: "branch" | "tag" | "commit" | "ref";
  /** The full ref name for branches, tags and other refs; null for a bare sha. */
  ref: string | null;
};

/** The branch HEAD points to (the repository's default branch), e.g. "main". */
export async function getDefaultBranch(repo: RepoRef): Promise<string> {
  const gitDir = await requireRepo(repo);
  return readDefaultBranch(gitDir);
}

export async function readDefaultBranch(gitDir: string): Promise<string> {
  const head = (await fs.readFile(path.join(gitDir, "HEAD"), "utf8")).trim();
  const match = /^ref: refs\/heads\/(.+)$/.exec(head);
  return match ? match[1]! : "main";
}

async function commitOf(gitDir: string, name: string): Promise<string | null> {
  const info = await objectInfo(gitDir, `${name}^{commit}`);
  return info?.type === "commit" ? info.oid : null;
}

/** Resolves a branch, tag, `HEAD`, `refs/…` name or (short) sha to a commit; null when there is none. */
export async function resolveRevisionIn(
  gitDir: string,
  rev: string,
): Promise<ResolvedRevision | null> {
  if (!isRevision(rev)) return null;
  if (rev === "HEAD") {
    const branch = await readDefaultBranch(gitDir);
    const commit = await commitOf(gitDir, `refs/heads/${branch}`);
    return commit ? { commit, kind: "branch", ref: `refs/heads/${branch}` } : null;
  }
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(rev)) {
    const commit = await commitOf(gitDir, rev);
    return commit ? { commit, kind: "commit", ref: null } : null;
  }
  for (const [prefix, kind] of [
    ["refs/heads/", "branch"],
    ["refs/tags/", "tag"],
  ] as const) {
    const name = rev.startsWith(prefix) ? rev : `${prefix}${rev}`;
    if (rev.startsWith("refs/") && !rev.startsWith(prefix)) continue;
    const commit = await commitOf(gitDir, name);
    if (commit) return { commit, kind, ref: name };
  }
  if (rev.startsWith("refs/")) {
    const commit = await commitOf(gitDir, rev);
    return commit ? { commit, kind: "ref", ref: rev } : null;
  }
  if (/^[0-9a-f]{7,63}$/.test(rev)) {
    const commit = await commitOf(gitDir, rev);
    return commit ? { commit, kind: "commit", ref: null } : null;
  }
  return null;
}

export async function resolveRevision(
  repo: RepoRef,
  rev: string,
): Promise<ResolvedRevision | null> {
  return resolveRevisionIn(await requireRepo(repo), rev);
}

/** Like resolveRevision, but a missing revision is a 404 (RevisionNotFound). */
export async function requireRevisionIn(gitDir: string, rev: string): Promise<ResolvedRevision> {
  if (rev.length > 256) throw new AppError("bad_request", "The revision is too long.");
  const resolved = await resolveRevisionIn(gitDir, rev);
  if (!resolved) throw revisionNotFound(rev);
  return resolved;
}

export async function requireRevision(repo: RepoRef, rev: string): Promise<ResolvedRevision> {
  return requireRevisionIn(await requireRepo(repo), rev);
}
