import "server-only";

import { findOwnerKindById } from "@/db/queries/job-resources";
import type { OwnedResource } from "@/lib/auth/permissions";

/**
 * What a job works on. Access to a job (see it, read its log, cancel, retry) is access to this
 * resource: `read` to look, `write` to control. Later job kinds add their own variants here, e.g.
 * `{ type: "repo"; repoId }` for Space builds and model CI, resolved to the repository's owner and
 * visibility, so a private repo's CI log stays as private as the repo.
 */
export type JobResourceRef =
  /** Site-level work (diagnostics): administrators only. */
  | { type: "system" }
  /** Work on behalf of a user or organisation as a whole; private to it. */
  | { type: "owner"; ownerId: number };

export function resourceColumns(ref: JobResourceRef): {
  resourceType: string;
  resourceId: string | null;
} {
  switch (ref.type) {
    case "system":
      return { resourceType: "system", resourceId: null };
    case "owner":
      return { resourceType: "owner", resourceId: String(ref.ownerId) };
  }
}

export function resourceRefFromColumns(type: string, id: string | null): JobResourceRef {
  if (type === "owner" && id && /^\d+$/.test(id)) return { type: "owner", ownerId: Number(id) };
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
  }
}
