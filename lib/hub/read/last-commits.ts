import "server-only";

import { AppError } from "@/lib/errors";
import { spawnGit } from "@/lib/hub/git/run";
import { requireRepo } from "@/lib/hub/repos/open";
import type { LastCommit, RepoRef } from "@/lib/hub/types";

import { requireRevisionIn } from "./revisions";
import { normalizeTreePath } from "./tree";

export type LastCommitsOptions = {
  rev: string;
  /** Files or folders to find the last commit of. */
  paths: string[];
  /**
   * Their common folder, when they are the entries of one listing: git then walks history once
   * limited to that folder instead of one pathspec per entry.
   */
  dir?: string;
  /** Give up on entries not found within this many commits (they come back without a commit). */
  maxCommits?: number;
};

/** Splits a stream into NUL-terminated tokens. */
async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    let data: Buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let nul: number;
    while ((nul = data.indexOf(0)) >= 0) {
      yield data.toString("utf8", 0, nul);
      data = data.subarray(nul + 1);
    }
    rest = data;
  }
  if (rest.length) yield rest.toString("utf8");
}

function* selfAndAncestors(path: string): Generator<string> {
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf("/")))) yield p;
}

/**
 * The newest commit that touched each path, found in one bounded `git log --name-only` pass:
 * every changed file is credited to the requested path that is it or one of its folders.
 */
export async function getLastCommits(
  repo: RepoRef,
  options: LastCommitsOptions,
): Promise<Record<string, LastCommit>> {
  const gitDir = await requireRepo(repo);
  if (options.paths.length > 10_000)
    throw new AppError("bad_request", "Ask for at most 10000 paths at once.");
  const targets = new Set(options.paths.map(normalizeTreePath).filter(Boolean));
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const found: Record<string, LastCommit> = {};
  if (targets.size === 0) return found;

  const dir = options.dir === undefined ? null : normalizeTreePath(options.dir);
  const pathspecs = dir !== null ? (dir ? [dir] : []) : targets.size <= 100 ? [...targets] : [];
  const maxCommits = options.maxCommits ?? 2000;
  const child = spawnGit({
    gitDir,
    args: [
      "log",
      "--format=%x01%H%x00%at%x00%an%x00%s",
      "--name-only",
      "-z",
      "--no-renames",
      `--max-count=${maxCommits}`,
      commit,
      "--",
      ...pathspecs,
    ],
  });
  child.stdin.end();
  child.stderr.resume();

  let current: LastCommit | null = null;
  let header: string[] = [];
  let remaining = targets.size;
  try {
    for await (const raw of nulTokens(child.stdout as AsyncIterable<Buffer>)) {
      if (raw.startsWith("\x01")) header = [raw.slice(1)];
      else if (header.length > 0 && header.length < 4) header.push(raw);
      else {
        const file = raw.replace(/^\n/, "");
        if (!file || !current) continue;
        for (const candidate of selfAndAncestors(file)) {
          if (targets.has(candidate) && !found[candidate]) {
            found[candidate] = current;
            remaining -= 1;
          }
        }
        if (remaining === 0) break;
        continue;
      }
      if (header.length === 4) {
        const [id, at, authorName, title] = header as [string, string, string, string];
        current = { id, title, date: new Date(Number(at) * 1000).toISOString(), authorName };
        header = [];
      }
    }
  } finally {
    child.kill("SIGKILL");
  }
  return found;
}
