import "server-only";

import type { ImageRepositoryRow } from "@/db/queries/images";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";

/**
 * Whether the caller may see an image repository. Public ones everyone; a private one its owner's
 * readers (decided by `can`); a private one of the hub itself (no owner) only site admins.
 */
export async function canReadImageRepository(
  caller: Caller | null,
  repo: Pick<ImageRepositoryRow, "visibility" | "ownerId" | "ownerKind">,
): Promise<boolean> {
  if (repo.visibility === "public") return true;
  if (repo.ownerId === null || repo.ownerKind === null) return caller?.isAdmin === true;
  return can(caller, "read", { ownerId: repo.ownerId, ownerKind: repo.ownerKind, isPrivate: true });
}

/** The repositories among `repos` the caller may see, in their order. */
export async function readableRepositories<
  T extends Pick<ImageRepositoryRow, "visibility" | "ownerId" | "ownerKind">,
>(caller: Caller | null, repos: T[]): Promise<T[]> {
  const allowed = await Promise.all(repos.map((r) => canReadImageRepository(caller, r)));
  return repos.filter((_, i) => allowed[i]);
}
