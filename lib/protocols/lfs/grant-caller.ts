import "server-only";

import { findUserById } from "@/db/queries/owners";
import { findRepoRecordById, type RepoRecord } from "@/db/queries/repos";
import { findLiveTokenScope } from "@/db/queries/token-status";
import { jobCaller, type Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { verifyRunningJob } from "@/lib/jobs/job-token";
import { repoActions } from "@/lib/repos/access";

import type { TransferGrant } from "./transfer-grant";

/** The caller a transfer link speaks for, as they are now (a revoked token or deleted user fails). */
async function callerOfGrant(grant: TransferGrant): Promise<Caller | null> {
  if (grant.jobId) {
    const job = await verifyRunningJob(grant.jobId, grant.jobAttempt ?? 0);
    if (!job) throw new AppError("unauthorized", "The job that started this transfer has ended.");
    return jobCaller(job);
  }
  if (grant.userId === 0) return null;
  const user = await findUserById(grant.userId);
  if (!user)
    throw new AppError("forbidden", "The account that started this transfer no longer exists.");
  if (grant.tokenId === 0) return { ...user, auth: { type: "session" } };
  const scope = await findLiveTokenScope(grant.userId, grant.tokenId);
  if (!scope)
    throw new AppError(
      "unauthorized",
      "The access token that started this transfer has been revoked.",
    );
  return { ...user, auth: { type: "token", scope, tokenId: grant.tokenId } };
}

/**
 * Re-checks a transfer link at the moment it is used: the repository still exists and its caller
 * may still read it (downloads) or write to it (uploads).
 */
export async function authorizeGrant(grant: TransferGrant): Promise<RepoRecord> {
  const caller = await callerOfGrant(grant);
  const repo = await findRepoRecordById(grant.repoId);
  const allowed = repo ? await repoActions(caller, repo) : new Set();
  if (!repo || !allowed.has(grant.op === "upload" ? "write" : "read")) {
    throw new AppError(
      "forbidden",
      "This transfer is no longer allowed: the repository is gone or access was removed.",
    );
  }
  return repo;
}
