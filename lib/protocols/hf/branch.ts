import "server-only";

import { AppError } from "@/lib/errors";
import { getDefaultBranch, resolveRevision, type RepoRef } from "@/lib/hub";
import { revisionNotFound } from "@/lib/hub/errors";

/**
 * The existing branch a write names: `main`, `refs/heads/main`, or `HEAD` (the default branch).
 * Commits and uploads go to branches only; pull requests are not supported.
 */
export async function writableBranch(ref: RepoRef, rev: string, request: Request): Promise<string> {
  if (/^(1|true)$/i.test(new URL(request.url).searchParams.get("create_pr") ?? "")) {
    throw new AppError(
      "bad_request",
      "Pull requests are not supported; commit to a branch instead.",
    );
  }
  const branch = rev === "HEAD" ? await getDefaultBranch(ref) : rev.replace(/^refs\/heads\//, "");
  const resolved = await resolveRevision(ref, `refs/heads/${branch}`).catch(() => null);
  if (!resolved) throw revisionNotFound(rev);
  return branch;
}
