import "server-only";

import { AppError } from "@/lib/errors";
import { objectInfo } from "@/lib/hub/git/cat-file-pool";
import { runGit } from "@/lib/hub/git/run";
import { readDefaultBranch } from "@/lib/hub/read/revisions";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RefInfo, RepoRef } from "@/lib/hub/types";
import { refNameProblem } from "@/lib/validation/ref-names";

export function assertRefName(kind: "branch" | "tag", name: string): void {
  const problem = refNameProblem(name);
  if (problem) throw new AppError("bad_request", `Invalid ${kind} name "${name}": ${problem}`);
}

/** Branches and tags (tags peeled to their commit, annotated ones with their message), sorted by name. */
export async function listRefs(
  repo: RepoRef,
): Promise<{ defaultBranch: string; branches: RefInfo[]; tags: RefInfo[] }> {
  const gitDir = await requireRepo(repo);
  const { stdout } = await runGit({
    gitDir,
    args: [
      "for-each-ref",
      "--format=%(refname)%00%(objectname)%00%(*objectname)%00%(contents:subject)",
      "refs/heads",
      "refs/tags",
    ],
  });
  const branches: RefInfo[] = [];
  const tags: RefInfo[] = [];
  for (const line of stdout.toString("utf8").split("\n")) {
    if (!line) continue;
    const [ref, oid, peeled, subject] = line.split("\0") as [string, string, string, string];
    if (ref.startsWith("refs/heads/")) branches.push({ name: ref.slice(11), ref, commit: oid });
    // Only a tag object has its own message; a lightweight tag's subject is its commit's.
    else if (peeled) tags.push({ name: ref.slice(10), ref, commit: peeled, message: subject });
    else tags.push({ name: ref.slice(10), ref, commit: oid });
  }
  return { defaultBranch: await readDefaultBranch(gitDir), branches, tags };
}

/** The object a ref points to now (unpeeled), or null when it does not exist. */
export async function readRef(gitDir: string, ref: string): Promise<string | null> {
  return (await objectInfo(gitDir, ref))?.oid ?? null;
}
