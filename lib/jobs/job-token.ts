import "server-only";

import { findJobByTokenHash, type JobRunView } from "@/db/queries/job-runs";
import { findJobRecord } from "@/db/queries/jobs";
import type { RunnerIdentity } from "@/db/queries/runners";
import { AppError } from "@/lib/errors";

import { resourceRefFromColumns, type JobResourceRef } from "./job-resource";
import type { JobGrants, JobKind, JobTokenHeader } from "./protocol";
import { authenticateRunner } from "./runner-registry";
import { hashSecret, looksLikeSecret } from "./secrets";

const jobTokenHeader: JobTokenHeader = "Job-Token";

export type VerifiedJobToken = {
  jobId: number;
  attempt: number;
  kind: JobKind;
  grants: JobGrants;
  /** What the job works on (e.g. the repo a Space build clones). */
  resource: JobResourceRef;
};

/**
 * The job a job token belongs to, while that job is running under a live lease — the token dies
 * when the job ends, is requeued or its runner disappears. Later features accept it as a
 * credential (git clone of a Space's repo, registry push of its image) within `grants` only;
 * use `jobTokenAllows` for that check.
 */
export async function verifyJobToken(
  token: string,
  now = new Date(),
): Promise<VerifiedJobToken | null> {
  if (!looksLikeSecret("job", token)) return null;
  return liveAttempt(await findJobByTokenHash(hashSecret(token)), now);
}

/** Job `jobId` if its attempt `attempt` is still running (for credentials derived from its token). */
export async function verifyRunningJob(
  jobId: number,
  attempt: number,
  now = new Date(),
): Promise<VerifiedJobToken | null> {
  const job = await findJobRecord(jobId);
  return job?.attempt === attempt ? liveAttempt(job, now) : null;
}

type AttemptColumns = Pick<
  JobRunView,
  | "id"
  | "attempt"
  | "kind"
  | "state"
  | "leaseUntil"
  | "runnerId"
  | "grants"
  | "resourceType"
  | "resourceId"
>;

function liveAttempt(job: AttemptColumns | null, now: Date): VerifiedJobToken | null {
  if (
    !job ||
    job.state !== "running" ||
    !job.leaseUntil ||
    job.leaseUntil <= now ||
    job.runnerId === null
  ) {
    return null;
  }
  return {
    jobId: job.id,
    attempt: job.attempt,
    kind: job.kind,
    grants: job.grants,
    resource: resourceRefFromColumns(job.resourceType, job.resourceId),
  };
}

/** Whether a verified job token may clone / push `target` (exact names, e.g. `spaces/alice/demo`). */
export function jobTokenAllows(
  token: VerifiedJobToken,
  action: keyof JobGrants,
  target: string,
): boolean {
  return token.grants[action]?.includes(target) ?? false;
}

/**
 * Authenticates a runner's call about job `jobId`: its own `Runner-Token` and the job's
 * `Job-Token`, and the job must be assigned to that runner. A job token alone — e.g. one a job
 * read out of another job's environment — reports nothing. Unlike `verifyJobToken` this accepts a
 * job that already ended (still assigned to that runner), so that a retried `finish` gets its
 * recorded answer; each endpoint decides what an ended job may still do.
 */
export async function authenticateJobCall(request: Request, jobId: number): Promise<JobRunView> {
  return (await authenticateJobRunner(request, jobId)).job;
}

/** `authenticateJobCall`, also returning the runner (for a call that acts for the runner itself). */
export async function authenticateJobRunner(
  request: Request,
  jobId: number,
): Promise<{ job: JobRunView; runner: RunnerIdentity }> {
  const runner = await authenticateRunner(request);
  const token = request.headers.get(jobTokenHeader) ?? "";
  const job = looksLikeSecret("job", token) ? await findJobByTokenHash(hashSecret(token)) : null;
  if (!job || job.runnerId !== runner.id) {
    throw new AppError(
      "unauthorized",
      "Unknown job token: the job was requeued or handed to another runner. Stop working on it.",
    );
  }
  if (job.id !== jobId) throw new AppError("forbidden", "This job token belongs to another job.");
  return { job, runner };
}
