import "server-only";

import { verifyJobToken, type VerifiedJobToken } from "@/lib/jobs/job-token";
import { looksLikeSecret } from "@/lib/jobs/secrets";

import { isRepositoryName } from "./names";
import type { ScopeGrant } from "./scopes";

/**
 * Build jobs (Space builds) are the only writers of `spaces/{owner}/{name}`. A job presents its
 * job token (`strjob_…`, handed to the runner with the job) as the HTTP Basic password, to the
 * token endpoint or to `/v2/` directly. It is valid only while the job runs under a live lease,
 * and it grants pull and push on exactly the image repositories listed in the job's `push`
 * grant — nothing else but what anonymous clients may do (pull public images).
 */
export type JobRegistryGrant = { jobId: string; grants: ScopeGrant[] };

export function looksLikeJobCredential(secret: string): boolean {
  return looksLikeSecret("job", secret);
}

/**
 * The registry grants of a live job: pull and push on each image repository its `push` grant names
 * exactly (a name the registry cannot hold is dropped). Registry tokens issued to the job carry
 * these grants in their `access` claim, so the job is held to them whichever way it authenticates.
 */
function registryGrantsOf(job: VerifiedJobToken): ScopeGrant[] {
  return [...new Set(job.grants.push ?? [])]
    .filter(isRepositoryName)
    .map((name) => ({ type: "repository", name, actions: ["pull", "push"] }));
}

/** The job behind a job token and its registry grants; null when the token is not a live job's. */
export async function verifyJobCredential(secret: string): Promise<JobRegistryGrant | null> {
  const verified = await verifyJobToken(secret);
  return verified ? { jobId: String(verified.jobId), grants: registryGrantsOf(verified) } : null;
}
