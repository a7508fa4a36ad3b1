import "server-only";

import type { ScopeGrant } from "./scopes";

/**
 * The seam for Space build jobs, the only writers of `spaces/{owner}/{name}`. The jobs issue mints
 * a per-job credential (`job_…`) that grants exactly what the job needs, e.g.
 * `[{ type: "repository", name: "spaces/alice/demo", actions: ["pull", "push"] }]` plus `pull` on
 * its base image. It is presented as the HTTP Basic password, to the token endpoint or directly.
 *
 * Until that issue lands, no job credential is valid: every one is refused (deny by default).
 */
export type JobRegistryGrant = { jobId: string; grants: ScopeGrant[] };

export function looksLikeJobCredential(secret: string): boolean {
  return secret.startsWith("job_");
}

export function verifyJobCredential(_secret: string): Promise<JobRegistryGrant | null> {
  // Wired by the jobs issue: look the credential up, check it is live and return its grants.
  return Promise.resolve(null);
}
