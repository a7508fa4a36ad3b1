import "server-only";

import {
  recordImageTagPush,
  updateImageRepositoryAccess,
  withdrawLocalImageTags,
} from "@/db/queries/image-pushes";
import type { ImageVisibility } from "@/db/schema/image-enums";

import { pathComponent, tagName, upsertImageTag } from "./catalog-write";

// Keeps the image center in step with this hub's registry: every tag pushed becomes (or updates)
// a catalog tag that is available locally, a deleted tag is withdrawn, and a catalog repository is
// exactly as visible as its registry repository.

/** One runnable image of a pushed tag, by CPU architecture (`amd64`, `arm64`, `arm/v7` …). */
export type PushedArch = { arch: string; digest: string; size: number };

export type RegistryTagPush = {
  /** The registry repository, e.g. `alice/app`. */
  repository: string;
  tag: string;
  /** The manifest or index the tag points at. */
  digest: string;
  mediaType: string;
  arches: PushedArch[];
  /** The image's creation time (from its config), when known. */
  created: Date | null;
  labels: Record<string, string>;
  pushedAt: Date;
  ownerId: number;
  isPrivate: boolean;
};

/**
 * The catalog's `namespace/name` for a registry repository; null for names the image center cannot
 * show (deeper paths such as `spaces/alice/demo`, whose images belong to their Space).
 */
function catalogPathOf(repository: string): { namespace: string; name: string } | null {
  const [namespace, name, ...rest] = repository.split("/");
  if (rest.length || !namespace || !name) return null;
  if (!pathComponent.safeParse(namespace).success || !pathComponent.safeParse(name).success)
    return null;
  return { namespace, name };
}

const visibilityOf = (isPrivate: boolean): ImageVisibility => (isPrivate ? "private" : "public");

/** The OCI description label becomes a new repository's description. */
const descriptionLabel = "org.opencontainers.image.description";

/**
 * Records a pushed tag in the catalog: the tag (its grammar variables parsed when it follows the
 * stack's tag grammar), its per-architecture digests and sizes, marked available here, with the
 * push's digest, creation time and labels. Returns false when the repository or tag has no place in
 * the image center.
 */
export async function recordRegistryPush(push: RegistryTagPush): Promise<boolean> {
  const path = catalogPathOf(push.repository);
  if (!path || !tagName.safeParse(push.tag).success) return false;
  const access = { visibility: visibilityOf(push.isPrivate), ownerId: push.ownerId };
  const description = push.labels[descriptionLabel]?.slice(0, 2000);
  await upsertImageTag({
    ...path,
    tag: push.tag,
    repository: { ...access, ...(description && { description }) },
    availableLocally: true,
    updatedAt: push.pushedAt,
    manifests: push.arches,
    manifestMode: "replace",
  });
  // An existing repository (created by the seed or an earlier push) follows the registry too.
  await updateImageRepositoryAccess(path.namespace, path.name, access);
  await recordImageTagPush({
    ...path,
    tag: push.tag,
    digest: push.digest,
    mediaType: push.mediaType,
    imageCreatedAt: push.created,
    labels: push.labels,
    pushedAt: push.pushedAt,
  });
  return true;
}

/** Tags deleted from the registry: upstream-only when another registry publishes them, else gone. */
export async function withdrawRegistryTags(repository: string, tags: string[]): Promise<void> {
  const path = catalogPathOf(repository);
  if (path && tags.length) await withdrawLocalImageTags(path.namespace, path.name, tags);
}

/** A registry repository changed visibility: its catalog repository follows. */
export async function syncRegistryVisibility(input: {
  repository: string;
  ownerId: number;
  isPrivate: boolean;
}): Promise<void> {
  const path = catalogPathOf(input.repository);
  if (!path) return;
  await updateImageRepositoryAccess(path.namespace, path.name, {
    visibility: visibilityOf(input.isPrivate),
    ownerId: input.ownerId,
  });
}
