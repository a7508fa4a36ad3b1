import "server-only";

import { and, asc, eq, gt } from "drizzle-orm";

import { getDb, type Tx } from "../client";
import {
  owners,
  registryBlobLinks,
  registryBlobs,
  registryRepositories,
  registryTags,
} from "../schema";

export type RegistryRepository = {
  id: number;
  name: string;
  ownerId: number;
  ownerKind: "user" | "org";
  isPrivate: boolean;
};

/** What a first push needs to create a repository. */
export type NewRegistryRepository = { name: string; ownerId: number; isPrivate: boolean };

export type BlobOrigin = "registry" | "shared";

const repositoryColumns = {
  id: registryRepositories.id,
  name: registryRepositories.name,
  ownerId: registryRepositories.ownerId,
  ownerKind: owners.kind,
  isPrivate: registryRepositories.isPrivate,
};

export async function findRegistryRepository(name: string): Promise<RegistryRepository | null> {
  return (
    getDb()
      .select(repositoryColumns)
      .from(registryRepositories)
      .innerJoin(owners, eq(owners.id, registryRepositories.ownerId))
      .where(eq(registryRepositories.name, name))
      .get() ?? null
  );
}

/** Repositories in lexical (byte) order after `after`, for catalog pages. */
export async function listRegistryRepositoriesAfter(
  after: string,
  limit: number,
): Promise<RegistryRepository[]> {
  return getDb()
    .select(repositoryColumns)
    .from(registryRepositories)
    .innerJoin(owners, eq(owners.id, registryRepositories.ownerId))
    .where(gt(registryRepositories.name, after))
    .orderBy(asc(registryRepositories.name))
    .limit(limit)
    .all();
}

export async function updateRegistryRepositoryVisibility(
  id: number,
  isPrivate: boolean,
): Promise<void> {
  getDb()
    .update(registryRepositories)
    .set({ isPrivate, updatedAt: new Date() })
    .where(eq(registryRepositories.id, id))
    .run();
}

/** The repository's id, creating it (with the visibility given) on the first push. */
export function ensureRegistryRepository(tx: Tx, repository: NewRegistryRepository): number {
  tx.insert(registryRepositories).values(repository).onConflictDoNothing().run();
  const row = tx
    .select({ id: registryRepositories.id })
    .from(registryRepositories)
    .where(eq(registryRepositories.name, repository.name))
    .get();
  if (!row) throw new Error(`registry repository ${repository.name} vanished while being created`);
  return row.id;
}

/** Records a blob the registry stored (or re-stored) now, keeping the origin it was first seen with. */
export function upsertRegistryBlob(
  tx: Tx,
  blob: { digest: string; size: number; origin: BlobOrigin },
): void {
  const now = new Date();
  tx.insert(registryBlobs)
    .values({ ...blob, createdAt: now, touchedAt: now })
    .onConflictDoUpdate({ target: registryBlobs.digest, set: { touchedAt: now } })
    .run();
}

/** Records a blob the registry wrote, so garbage collection can find it even if nothing links it. */
export async function recordRegistryBlob(blob: {
  digest: string;
  size: number;
  origin: BlobOrigin;
}): Promise<void> {
  getDb().transaction((tx) => upsertRegistryBlob(tx, blob));
}

export async function findRegistryBlob(
  digest: string,
): Promise<{ size: number; origin: BlobOrigin } | null> {
  return (
    getDb()
      .select({ size: registryBlobs.size, origin: registryBlobs.origin })
      .from(registryBlobs)
      .where(eq(registryBlobs.digest, digest))
      .get() ?? null
  );
}

/** The blob if this repository may serve it (it was uploaded to or mounted into the repository). */
export async function findLinkedBlob(
  repositoryId: number,
  digest: string,
): Promise<{ size: number } | null> {
  return (
    getDb()
      .select({ size: registryBlobs.size })
      .from(registryBlobLinks)
      .innerJoin(registryBlobs, eq(registryBlobs.digest, registryBlobLinks.digest))
      .where(
        and(eq(registryBlobLinks.repositoryId, repositoryId), eq(registryBlobLinks.digest, digest)),
      )
      .get() ?? null
  );
}

/** Makes a stored blob part of a repository (after an upload or a mount), creating the repository if needed. */
export async function linkRegistryBlob(input: {
  repository: NewRegistryRepository;
  digest: string;
  size: number;
  origin: BlobOrigin;
}): Promise<void> {
  getDb().transaction(
    (tx) => {
      const repositoryId = ensureRegistryRepository(tx, input.repository);
      upsertRegistryBlob(tx, { digest: input.digest, size: input.size, origin: input.origin });
      tx.insert(registryBlobLinks)
        .values({ repositoryId, digest: input.digest })
        .onConflictDoNothing()
        .run();
      tx.update(registryRepositories)
        .set({ updatedAt: new Date() })
        .where(eq(registryRepositories.id, repositoryId))
        .run();
    },
    { behavior: "immediate" },
  );
}

export async function unlinkRegistryBlob(repositoryId: number, digest: string): Promise<boolean> {
  const result = getDb()
    .delete(registryBlobLinks)
    .where(
      and(eq(registryBlobLinks.repositoryId, repositoryId), eq(registryBlobLinks.digest, digest)),
    )
    .run();
  return result.changes > 0;
}

/**
 * Deletes a repository; its manifests, tags and blob links go with it (by cascade), so its blobs are
 * left to garbage collection and the name is free for a new push. Returns the tags it had, for the
 * catalog to withdraw; null when there was no such repository.
 */
export async function deleteRegistryRepositoryRow(id: number): Promise<string[] | null> {
  return getDb().transaction(
    (tx) => {
      const tags = tx
        .select({ name: registryTags.name })
        .from(registryTags)
        .where(eq(registryTags.repositoryId, id))
        .all()
        .map((t) => t.name);
      const result = tx.delete(registryRepositories).where(eq(registryRepositories.id, id)).run();
      return result.changes > 0 ? tags : null;
    },
    { behavior: "immediate" },
  );
}
