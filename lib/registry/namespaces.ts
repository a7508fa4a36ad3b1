import "server-only";

import { findOwnerByName } from "@/db/queries/owners";
import { findRepoRecord } from "@/db/queries/repos";

/**
 * Who a repository name belongs to. `{owner}/…` belongs to that user or organisation (so
 * `base_image/…` is the `base_image` organisation's); `spaces/{owner}/{name}` holds the images
 * Space build jobs push for that owner's Spaces.
 */
export type RegistryNamespace = {
  kind: "owner" | "space";
  ownerId: number;
  ownerKind: "user" | "org";
  /** The visibility a repository gets when a push creates it. */
  defaultPrivate: boolean;
};

/**
 * New repositories are private, except in the image center's shared namespace. A push from the
 * command line offers no visibility choice, and an image published by mistake (with a baked-in
 * secret, say) cannot be unpublished once pulled, while a private one is one switch away from
 * public — the default GHCR, Quay and Harbor chose for the same reason. `base_image/…` exists to be
 * pulled by everyone (Spaces, CI, `docker pull`), so it starts public. A Space's images start as
 * visible as the Space (private when the Space is unknown).
 */
const publicNamespaces = new Set(["base_image"]);

const spacesNamespace = "spaces";

/** A Space's image is as visible as the Space; private when there is no such Space. */
async function spaceIsPrivate(owner: string, name: string): Promise<boolean> {
  return (await findRepoRecord("space", owner, name))?.isPrivate ?? true;
}

export async function resolveNamespace(name: string): Promise<RegistryNamespace | null> {
  const parts = name.split("/");
  const isSpace = parts[0] === spacesNamespace;
  const ownerName = isSpace ? parts[1] : parts[0];
  if (!ownerName || parts.length < (isSpace ? 3 : 2)) return null;
  const owner = await findOwnerByName(ownerName);
  if (!owner) return null;
  return {
    kind: isSpace ? "space" : "owner",
    ownerId: owner.id,
    ownerKind: owner.kind,
    defaultPrivate: isSpace
      ? await spaceIsPrivate(ownerName, parts.slice(2).join("/"))
      : !publicNamespaces.has(ownerName),
  };
}

export function isSpaceRepository(name: string): boolean {
  return name.split("/")[0] === spacesNamespace;
}
