import "server-only";

import { findOwnerKindById } from "@/db/queries/job-resources";
import { findRepoRecordById } from "@/db/queries/repos";
import type { OwnedResource } from "@/lib/auth/permissions";

/**
 * What a job works on. Access to a job (see it, read its log, cancel, retry) is access to this
 * resource: `read` to look, `write` to control. A repository's jobs (Space builds, model CI) follow
 * the repository's own rules, so a private repo's build log stays as private as the repo and a
 * public one's is public, as on the Hub.
 */
export type JobResourceRef =
  /** Site-level work (diagnostics): administrators only. */
  | { type: "system" }
  /** Work on behalf of a user or organisation as a whole; private to it. */
  | { type: "owner"; ownerId: number }
  /** Work on one repository: readable by whoever may read it, controlled by its writers. */
  | { type: "repo"; repoId: number };

export type JobResourceType = JobResourceRef["type"];

export function resourceColumns(ref: JobResourceRef): {
  resourceType: string;
  resourceId: string | null;
} {
  switch (ref.type) {
    case "system":
      return { resourceType: "system", resourceId: null };
    case "owner":
      return { resourceType: "owner", resourceId: String(ref.ownerId) };
    case "repo":
      return { resourceType: "repo", resourceId: String(ref.repoId) };
  }
}

export function resourceRefFromColumns(type: string, id: string | null): JobResourceRef {
  const numericId = id && /^\d{1,15}$/.test(id) ? Number(id) : null;
  if (type === "owner" && numericId) return { type: "owner", ownerId: numericId };
  if (type === "repo" && numericId) return { type: "repo", repoId: numericId };
  // Unknown or malformed references fail closed: only administrators may touch such a job.
  return { type: "system" };
}

/**
 * No real owner has id 0 (ids start at 1), so this resource grants nothing to anyone but site
 * administrators, who may do everything (see `allowedActions`).
 */
const adminsOnly: OwnedResource = { ownerId: 0, ownerKind: "user", isPrivate: true };

/** Maps a job's resource reference onto what the permission function understands. */
export async function jobOwnedResource(ref: JobResourceRef): Promise<OwnedResource> {
  switch (ref.type) {
    case "system":
      return adminsOnly;
    case "owner": {
      const kind = await findOwnerKindById(ref.ownerId);
      return kind ? { ownerId: ref.ownerId, ownerKind: kind, isPrivate: true } : adminsOnly;
    }
    case "repo": {
      // A deleted repository's jobs fall back to administrators, never to the public.
      const repo = await findRepoRecordById(ref.repoId);
      return repo
        ? { ownerId: repo.ownerId, ownerKind: repo.ownerKind, isPrivate: repo.isPrivate }
        : adminsOnly;
    }
  }
}
