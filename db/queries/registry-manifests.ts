import "server-only";

import { and, asc, eq, gt } from "drizzle-orm";

import { getDb, type Tx } from "../client";
import {
  registryBlobLinks,
  registryBlobs,
  registryManifestRefs,
  registryManifests,
  registryRepositories,
  registryTags,
} from "../schema";
import {
  ensureRegistryRepository,
  upsertRegistryBlob,
  type BlobOrigin,
  type NewRegistryRepository,
} from "./registry";

export type ManifestRecord = { id: number; digest: string; mediaType: string; size: number };

export type ManifestRef = { digest: string; kind: "config" | "layer" | "manifest"; size: number };

export type Referrer = {
  digest: string;
  mediaType: string;
  size: number;
  artifactType: string | null;
  annotations: Record<string, string> | null;
};

const manifestColumns = {
  id: registryManifests.id,
  digest: registryManifests.digest,
  mediaType: registryManifests.mediaType,
  size: registryManifests.size,
};

export async function findManifestByDigest(
  repositoryId: number,
  digest: string,
): Promise<ManifestRecord | null> {
  return (
    getDb()
      .select(manifestColumns)
      .from(registryManifests)
      .where(
        and(eq(registryManifests.repositoryId, repositoryId), eq(registryManifests.digest, digest)),
      )
      .get() ?? null
  );
}

export async function findManifestByTag(
  repositoryId: number,
  tag: string,
): Promise<ManifestRecord | null> {
  return (
    getDb()
      .select(manifestColumns)
      .from(registryTags)
      .innerJoin(registryManifests, eq(registryManifests.id, registryTags.manifestId))
      .where(and(eq(registryTags.repositoryId, repositoryId), eq(registryTags.name, tag)))
      .get() ?? null
  );
}

export type ManifestProblem = { digest: string; reason: "missing" | "size" };

/** The first reference that this repository cannot satisfy, checked inside the write transaction. */
function findProblem(
  tx: Tx,
  repositoryId: number | undefined,
  refs: ManifestRef[],
): ManifestProblem | null {
  for (const ref of refs) {
    if (repositoryId === undefined) return { digest: ref.digest, reason: "missing" };
    if (ref.kind === "manifest") {
      const found = tx
        .select({ id: registryManifests.id })
        .from(registryManifests)
        .where(
          and(
            eq(registryManifests.repositoryId, repositoryId),
            eq(registryManifests.digest, ref.digest),
          ),
        )
        .get();
      if (!found) return { digest: ref.digest, reason: "missing" };
      continue;
    }
    const blob = tx
      .select({ size: registryBlobs.size })
      .from(registryBlobLinks)
      .innerJoin(registryBlobs, eq(registryBlobs.digest, registryBlobLinks.digest))
      .where(
        and(
          eq(registryBlobLinks.repositoryId, repositoryId),
          eq(registryBlobLinks.digest, ref.digest),
        ),
      )
      .get();
    if (!blob) return { digest: ref.digest, reason: "missing" };
    if (blob.size !== ref.size) return { digest: ref.digest, reason: "size" };
  }
  return null;
}

/**
 * Stores a pushed manifest and points its tags at it, in one write transaction that first checks
 * every referenced blob and child manifest is in this repository (so garbage collection, which
 * deletes in its own transactions, can never leave the new manifest dangling). Nothing is written
 * when a reference is missing.
 */
function upsertTag(
  tx: Tx,
  repositoryId: number,
  name: string,
  manifestId: number,
  now: Date,
): void {
  tx.insert(registryTags)
    .values({ repositoryId, name, manifestId, updatedAt: now })
    .onConflictDoUpdate({
      target: [registryTags.repositoryId, registryTags.name],
      set: { manifestId, updatedAt: now },
    })
    .run();
}

/** Points `repository:tag` at the repository's manifest `digest`; false when there is no such manifest. */
export async function pointTag(repository: string, tag: string, digest: string): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const manifest = tx
        .select({ id: registryManifests.id, repositoryId: registryManifests.repositoryId })
        .from(registryManifests)
        .innerJoin(
          registryRepositories,
          eq(registryRepositories.id, registryManifests.repositoryId),
        )
        .where(and(eq(registryRepositories.name, repository), eq(registryManifests.digest, digest)))
        .get();
      if (!manifest) return false;
      upsertTag(tx, manifest.repositoryId, tag, manifest.id, new Date());
      return true;
    },
    { behavior: "immediate" },
  );
}

export async function insertManifest(input: {
  repository: NewRegistryRepository;
  digest: string;
  mediaType: string;
  size: number;
  blobOrigin: BlobOrigin;
  subjectDigest: string | null;
  artifactType: string | null;
  annotations: Record<string, string> | null;
  refs: ManifestRef[];
  tags: string[];
}): Promise<{ problem: ManifestProblem } | { manifestId: number }> {
  return getDb().transaction(
    (tx) => {
      const existing = tx
        .select({ id: registryRepositories.id })
        .from(registryRepositories)
        .where(eq(registryRepositories.name, input.repository.name))
        .get();
      const problem = findProblem(tx, existing?.id, input.refs);
      if (problem) return { problem };

      const repositoryId = ensureRegistryRepository(tx, input.repository);
      upsertRegistryBlob(tx, { digest: input.digest, size: input.size, origin: input.blobOrigin });
      tx.insert(registryManifests)
        .values({
          repositoryId,
          digest: input.digest,
          mediaType: input.mediaType,
          size: input.size,
          subjectDigest: input.subjectDigest,
          artifactType: input.artifactType,
          annotations: input.annotations,
        })
        .onConflictDoNothing()
        .run();
      const manifest = tx
        .select({ id: registryManifests.id })
        .from(registryManifests)
        .where(
          and(
            eq(registryManifests.repositoryId, repositoryId),
            eq(registryManifests.digest, input.digest),
          ),
        )
        .get()!;
      for (const ref of input.refs) {
        tx.insert(registryManifestRefs)
          .values({ manifestId: manifest.id, digest: ref.digest, kind: ref.kind })
          .onConflictDoNothing()
          .run();
      }
      const now = new Date();
      for (const tag of input.tags) upsertTag(tx, repositoryId, tag, manifest.id, now);
      tx.update(registryRepositories)
        .set({ updatedAt: now })
        .where(eq(registryRepositories.id, repositoryId))
        .run();
      return { manifestId: manifest.id };
    },
    { behavior: "immediate" },
  );
}

/**
 * Deletes a manifest and the tags that point at it (returned, so the catalog can follow); its
 * blobs are left to garbage collection. Null when there was no such manifest.
 */
export async function deleteManifestByDigest(
  repositoryId: number,
  digest: string,
): Promise<{ tags: string[] } | null> {
  return getDb().transaction(
    (tx) => {
      const manifest = tx
        .select({ id: registryManifests.id })
        .from(registryManifests)
        .where(
          and(
            eq(registryManifests.repositoryId, repositoryId),
            eq(registryManifests.digest, digest),
          ),
        )
        .get();
      if (!manifest) return null;
      const tags = tx
        .select({ name: registryTags.name })
        .from(registryTags)
        .where(eq(registryTags.manifestId, manifest.id))
        .all()
        .map((t) => t.name);
      tx.delete(registryManifests).where(eq(registryManifests.id, manifest.id)).run();
      return { tags };
    },
    { behavior: "immediate" },
  );
}

export async function deleteTag(repositoryId: number, tag: string): Promise<boolean> {
  const result = getDb()
    .delete(registryTags)
    .where(and(eq(registryTags.repositoryId, repositoryId), eq(registryTags.name, tag)))
    .run();
  return result.changes > 0;
}

/** Tag names in lexical (byte) order after `after`. */
export async function listTagNames(
  repositoryId: number,
  after: string,
  limit: number,
): Promise<string[]> {
  return getDb()
    .select({ name: registryTags.name })
    .from(registryTags)
    .where(and(eq(registryTags.repositoryId, repositoryId), gt(registryTags.name, after)))
    .orderBy(asc(registryTags.name))
    .limit(limit)
    .all()
    .map((row) => row.name);
}

export async function listReferrers(
  repositoryId: number,
  subjectDigest: string,
): Promise<Referrer[]> {
  return getDb()
    .select({
      digest: registryManifests.digest,
      mediaType: registryManifests.mediaType,
      size: registryManifests.size,
      artifactType: registryManifests.artifactType,
      annotations: registryManifests.annotations,
    })
    .from(registryManifests)
    .where(
      and(
        eq(registryManifests.repositoryId, repositoryId),
        eq(registryManifests.subjectDigest, subjectDigest),
      ),
    )
    .orderBy(asc(registryManifests.id))
    .all();
}
