import "server-only";

import { insertAudit } from "@/db/queries/audit";
import {
  listLocalImageTagNames,
  updateImageRepositoryDescription,
} from "@/db/queries/image-settings";
import { findImageRepositoryRow } from "@/db/queries/images";
import {
  deleteRegistryRepositoryRow,
  findRegistryRepository,
  type RegistryRepository,
} from "@/db/queries/registry";
import { deleteTag, listTagNames } from "@/db/queries/registry-manifests";
import type { Caller } from "@/lib/auth/caller";
import { allowedActions, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { setRepositoryVisibility } from "@/lib/registry/repositories";

import { withdrawRegistryTags } from "./registry-sync";

// Settings of an image repository pushed to this hub's registry, for those who may push to it
// (the same people who may delete its tags with the registry API). A repository that only the
// catalog knows (the stack's seeded `base_image/…` entries describing upstream images) has no
// settings: there is nothing here to make public or delete.

export type ImageRepositoryPath = { namespace: string; name: string };

export type ImageRepositorySettings = ImageRepositoryPath & {
  isPrivate: boolean;
  description: string;
  ownerKind: "user" | "org";
  /** The registry's tags, in lexical order. */
  tags: string[];
};

/** At most this many tags are listed on the settings page. */
const maxListedTags = 1000;

const fullName = (path: ImageRepositoryPath) => `${path.namespace}/${path.name}`;

const notFound = () => new AppError("not_found", "Image repository not found.");

/** The registry repository, if the caller may change it; 404 to those who cannot see it. */
async function writableRepository(
  caller: Caller | null,
  path: ImageRepositoryPath,
): Promise<RegistryRepository> {
  const repository = await findRegistryRepository(fullName(path));
  if (!repository) throw notFound();
  await assertCan(caller, "write", repository, "Image repository");
  return repository;
}

/** Whether the image repository page offers its settings to the caller. */
export async function canManageImageRepository(
  caller: Caller | null,
  path: ImageRepositoryPath,
): Promise<boolean> {
  const repository = await findRegistryRepository(fullName(path));
  return !!repository && (await allowedActions(caller, repository)).has("write");
}

/** What the settings page shows; a missing page (404) to anyone who may not change it. */
export async function loadImageRepositorySettings(
  caller: Caller | null,
  path: ImageRepositoryPath,
): Promise<ImageRepositorySettings> {
  const repository = await findRegistryRepository(fullName(path));
  // Readers who cannot write see no settings at all, as if there were none.
  if (!repository || !(await allowedActions(caller, repository)).has("write")) throw notFound();
  const catalog = await findImageRepositoryRow(path.namespace, path.name);
  return {
    ...path,
    isPrivate: repository.isPrivate,
    description: catalog?.description ?? "",
    ownerKind: repository.ownerKind,
    tags: await listTagNames(repository.id, "", maxListedTags),
  };
}

/**
 * Changes visibility and/or description. The visibility is the registry's (pulls follow at once)
 * and the catalog copies it; the description lives in the catalog, which has the repository once
 * a tag was pushed.
 */
export async function updateImageRepositorySettings(
  caller: Caller | null,
  path: ImageRepositoryPath,
  change: { isPrivate?: boolean; description?: string },
): Promise<{ isPrivate: boolean; description: string | null }> {
  const repository = await writableRepository(caller, path);
  if (change.description !== undefined) {
    const saved = await updateImageRepositoryDescription(
      path.namespace,
      path.name,
      change.description,
    );
    if (!saved) {
      throw new AppError(
        "bad_request",
        "Push a tag to this repository first: the description is shown on its image center page, which appears with the first tag.",
        { fieldErrors: { description: ["Push a tag first."] } },
      );
    }
  }
  const isPrivate = change.isPrivate ?? repository.isPrivate;
  if (isPrivate !== repository.isPrivate) {
    await setRepositoryVisibility({ caller, name: repository.name, isPrivate });
  }
  if (change.description !== undefined) {
    await insertAudit({
      actorId: caller?.id ?? null,
      action: "registry.description",
      target: `image:${repository.name}`,
    });
  }
  return { isPrivate, description: change.description ?? null };
}

/** Removes one tag (as the registry's DELETE by tag does); the image stays pullable by digest. */
export async function deleteImageTag(
  caller: Caller | null,
  path: ImageRepositoryPath & { tag: string },
): Promise<void> {
  const repository = await writableRepository(caller, path);
  if (!(await deleteTag(repository.id, path.tag))) {
    throw new AppError("not_found", `Tag ${path.tag} not found.`);
  }
  await withdrawRegistryTags(repository.name, [path.tag]);
  await insertAudit({
    actorId: caller?.id ?? null,
    action: "registry.tag.delete",
    target: `image:${repository.name}:${path.tag}`,
  });
}

/**
 * Deletes the repository from the registry (manifests, tags, blob links: pulls 404 and the name can
 * be pushed again; garbage collection frees the blobs) and withdraws its tags from the catalog.
 * Tags that upstream registries also publish stay listed as upstream-only.
 */
export async function deleteImageRepository(
  caller: Caller | null,
  path: ImageRepositoryPath,
): Promise<void> {
  const repository = await writableRepository(caller, path);
  const tags = (await deleteRegistryRepositoryRow(repository.id)) ?? [];
  const local = await listLocalImageTagNames(path.namespace, path.name);
  await withdrawRegistryTags(repository.name, [...new Set([...tags, ...local])]);
  await insertAudit({
    actorId: caller?.id ?? null,
    action: "registry.repository.delete",
    target: `image:${repository.name}`,
  });
}
