import "server-only";

import { z } from "zod";

import { insertAudit } from "@/db/queries/audit";
import { findOwnerByName } from "@/db/queries/owners";
import {
  deleteRepoRecord,
  findRepoRecordById,
  moveRepoRecord,
  updateRepoSettings,
  type RepoRecord,
} from "@/db/queries/repos";
import type { Caller } from "@/lib/auth/caller";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { deleteRepository, renameRepository } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { repoNameSchema } from "@/lib/validation/repo-names";

import { getRepo } from "./access";
import { indexRepository } from "./indexer";

export const repoSettingsSchema = z.object({
  description: z.string().trim().max(300, "Use at most 300 characters.").optional(),
  isPrivate: z.boolean().optional(),
});

/** Changes description or visibility; needs admin rights on the repository. */
export async function updateRepo(
  caller: Caller,
  address: RepoRef,
  input: z.input<typeof repoSettingsSchema>,
): Promise<RepoRecord> {
  const changes = repoSettingsSchema.parse(input);
  const { repo } = await getRepo(caller, address, "admin");
  await updateRepoSettings(repo.id, {
    ...(changes.description !== undefined ? { description: changes.description || null } : {}),
    ...(changes.isPrivate !== undefined ? { isPrivate: changes.isPrivate } : {}),
  });
  await insertAudit({
    actorId: caller.id,
    action: "repo.settings",
    target: `${repo.type}:${repo.ownerName}/${repo.name}`,
    details: changes,
  });
  const updated = (await findRepoRecordById(repo.id))!;
  // The description is part of the search text.
  await indexRepository(updated, updated.updatedAt);
  return updated;
}

/** Deletes a repository and its history; needs admin rights. LFS blobs are left to garbage collection. */
export async function deleteRepo(caller: Caller, address: RepoRef): Promise<void> {
  const { repo, ref } = await getRepo(caller, address, "admin");
  await deleteRepoRecord(repo.id);
  await deleteRepository(ref).catch((error: unknown) => {
    // The row is gone, so the repository is gone for everyone; a leftover directory is only logged.
    console.error("[strata] could not remove git directory of deleted repository", error);
  });
  await insertAudit({
    actorId: caller.id,
    action: "repo.delete",
    target: `${repo.type}:${repo.ownerName}/${repo.name}`,
  });
}

/**
 * Renames a repository or moves it to another owner (HF `repos/move`). Needs admin on the
 * repository and write in the target namespace.
 */
export async function moveRepo(
  caller: Caller,
  address: RepoRef,
  to: { owner: string; name: string },
): Promise<RepoRecord> {
  const name = repoNameSchema.parse(to.name);
  const { repo, ref } = await getRepo(caller, address, "admin");
  const owner = await findOwnerByName(to.owner);
  if (!owner)
    throw new AppError("not_found", `There is no user or organisation called "${to.owner}".`);
  await assertCan(
    caller,
    "write",
    { ownerId: owner.id, ownerKind: owner.kind, isPrivate: false },
    "Owner",
  );
  await moveRepoRecord(repo.id, {
    ownerId: owner.id,
    ownerName: owner.name,
    name,
    type: repo.type,
  });
  try {
    await renameRepository(ref, { owner: owner.name, name });
  } catch (error) {
    await moveRepoRecord(repo.id, {
      ownerId: repo.ownerId,
      ownerName: repo.ownerName,
      name: repo.name,
      type: repo.type,
    });
    throw error;
  }
  await insertAudit({
    actorId: caller.id,
    action: "repo.move",
    target: `${repo.type}:${repo.ownerName}/${repo.name}`,
    details: { to: `${owner.name}/${name}` },
  });
  return (await findRepoRecordById(repo.id))!;
}
