import "server-only";

import { and, count, desc, eq, inArray, sql } from "drizzle-orm";

import { getDb, type Tx } from "../client";
import { imageManifests, imageRepositories, imageTagPushes, imageTags } from "../schema";
import type { ImageVisibility } from "../schema/image-enums";

// The catalog's side of this hub's registry: what a push recorded for a tag, tags deleted from the
// registry, and the visibility the catalog copies from the registry repository.

export type ImageTagPush = {
  digest: string;
  mediaType: string;
  imageCreatedAt: Date | null;
  labels: Record<string, string>;
  pushedAt: Date;
};

function tagIdOf(tx: Tx, namespace: string, name: string, tag: string): number | undefined {
  return tx
    .select({ id: imageTags.id })
    .from(imageTags)
    .innerJoin(imageRepositories, eq(imageRepositories.id, imageTags.repositoryId))
    .where(
      and(
        eq(imageRepositories.namespace, namespace),
        eq(imageRepositories.name, name),
        eq(imageTags.tag, tag),
      ),
    )
    .get()?.id;
}

/** Records what a push put behind an existing catalog tag (replacing the previous push). */
export async function recordImageTagPush(
  input: { namespace: string; name: string; tag: string } & ImageTagPush,
): Promise<boolean> {
  const { namespace, name, tag, ...push } = input;
  return getDb().transaction(
    (tx) => {
      const tagId = tagIdOf(tx, namespace, name, tag);
      if (tagId === undefined) return false;
      tx.insert(imageTagPushes)
        .values({ tagId, ...push })
        .onConflictDoUpdate({ target: imageTagPushes.tagId, set: push })
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

export async function findImageTagPush(tagId: number): Promise<ImageTagPush | null> {
  return (
    getDb()
      .select({
        digest: imageTagPushes.digest,
        mediaType: imageTagPushes.mediaType,
        imageCreatedAt: imageTagPushes.imageCreatedAt,
        labels: imageTagPushes.labels,
        pushedAt: imageTagPushes.pushedAt,
      })
      .from(imageTagPushes)
      .where(eq(imageTagPushes.tagId, tagId))
      .get() ?? null
  );
}

/**
 * Tags deleted from this hub's registry. A tag that upstream registries also publish stays in the
 * catalog as upstream-only (its digests were this registry's, so they are forgotten); any other
 * tag goes, and a repository left without tags goes with it.
 */
export async function withdrawLocalImageTags(
  namespace: string,
  name: string,
  tags: string[],
): Promise<{ removed: number; upstreamOnly: number }> {
  return getDb().transaction(
    (tx) => {
      const result = { removed: 0, upstreamOnly: 0 };
      const repo = tx
        .select({ id: imageRepositories.id })
        .from(imageRepositories)
        .where(and(eq(imageRepositories.namespace, namespace), eq(imageRepositories.name, name)))
        .get();
      if (!repo || !tags.length) return result;
      const rows = tx
        .select({ id: imageTags.id, sources: imageTags.sources })
        .from(imageTags)
        .where(
          and(
            eq(imageTags.repositoryId, repo.id),
            inArray(imageTags.tag, tags),
            eq(imageTags.availableLocally, true),
          ),
        )
        .all();
      for (const row of rows) {
        if (row.sources.length) {
          tx.update(imageTags)
            .set({ availableLocally: false })
            .where(eq(imageTags.id, row.id))
            .run();
          tx.update(imageManifests)
            .set({ digest: null })
            .where(eq(imageManifests.tagId, row.id))
            .run();
          tx.delete(imageTagPushes).where(eq(imageTagPushes.tagId, row.id)).run();
          result.upstreamOnly++;
        } else {
          tx.delete(imageTags).where(eq(imageTags.id, row.id)).run();
          result.removed++;
        }
      }
      const left = tx
        .select({ n: count() })
        .from(imageTags)
        .where(eq(imageTags.repositoryId, repo.id))
        .get()!.n;
      if (left === 0) tx.delete(imageRepositories).where(eq(imageRepositories.id, repo.id)).run();
      return result;
    },
    { behavior: "immediate" },
  );
}

/** Gives an existing catalog repository the visibility and owner of its registry repository. */
export async function updateImageRepositoryAccess(
  namespace: string,
  name: string,
  access: { visibility: ImageVisibility; ownerId: number },
): Promise<void> {
  getDb()
    .update(imageRepositories)
    .set(access)
    .where(and(eq(imageRepositories.namespace, namespace), eq(imageRepositories.name, name)))
    .run();
}

/** For each repository, its most recently pushed tag that this hub's registry holds. */
export async function findLatestLocalTags(repositoryIds: number[]): Promise<Map<number, string>> {
  if (!repositoryIds.length) return new Map();
  const rows = getDb()
    .select({ repositoryId: imageTags.repositoryId, tag: imageTags.tag })
    .from(imageTags)
    .leftJoin(imageTagPushes, eq(imageTagPushes.tagId, imageTags.id))
    .where(
      and(inArray(imageTags.repositoryId, repositoryIds), eq(imageTags.availableLocally, true)),
    )
    .orderBy(
      desc(sql`coalesce(${imageTagPushes.pushedAt}, ${imageTags.updatedAt}, 0)`),
      imageTags.tag,
    )
    .all();
  const latest = new Map<number, string>();
  for (const row of rows) if (!latest.has(row.repositoryId)) latest.set(row.repositoryId, row.tag);
  return latest;
}
