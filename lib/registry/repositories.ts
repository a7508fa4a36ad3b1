import "server-only";

import { insertAudit } from "@/db/queries/audit";
import { findRegistryRepository, updateRegistryRepositoryVisibility } from "@/db/queries/registry";
import type { Caller } from "@/lib/auth/caller";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { syncRegistryVisibility } from "@/lib/images/catalog/registry-sync";

/**
 * Makes an image repository public or private (for the image-center settings and the CLI). Those
 * who may push to it may (they can already delete its tags and manifests through the registry); to
 * everyone else a private repository does not exist.
 */
export async function setRepositoryVisibility(input: {
  caller: Caller | null;
  name: string;
  isPrivate: boolean;
}): Promise<void> {
  const repository = await findRegistryRepository(input.name);
  if (!repository) throw new AppError("not_found", "Image repository not found.");
  await assertCan(input.caller, "write", repository, "Image repository");
  await updateRegistryRepositoryVisibility(repository.id, input.isPrivate);
  await syncRegistryVisibility({
    repository: repository.name,
    ownerId: repository.ownerId,
    isPrivate: input.isPrivate,
  });
  await insertAudit({
    actorId: input.caller?.id ?? null,
    action: "registry.visibility",
    target: `image:${repository.name}`,
    details: { isPrivate: input.isPrivate },
  });
}
