import "server-only";

import { and, eq, notInArray, sql } from "drizzle-orm";

import { getDb, type Tx } from "../client";
import { imageManifests, imageRepositories, imageTags } from "../schema";
import {
  type FrameworkName,
  type ImageCategory,
  type ImageHardware,
  type ImageSource,
  type ImageVisibility,
} from "../schema/image-enums";
import type { ImageManifestDto } from "./images";

export type ImageRepositoryFields = {
  category: ImageCategory;
  description: string;
  visibility: ImageVisibility;
  ownerId: number | null;
};

/** The variables of a tag as columns; all null (and no frameworks) when the tag follows no grammar. */
export type ImageTagColumns = {
  os: string | null;
  osVersion: string | null;
  python: string | null;
  cann: string | null;
  chip: string | null;
  frameworks: { name: FrameworkName; version: string }[];
  pytorchVersion: string | null;
  mindsporeVersion: string | null;
  openmindVersion: string | null;
  hardware: ImageHardware | null;
};

export type UpsertImageTagRowInput = {
  namespace: string;
  name: string;
  /** Used only when the repository does not exist yet. */
  repository: ImageRepositoryFields;
  tag: string;
  columns: ImageTagColumns;
  /** Fields left undefined keep their stored value. */
  space?: boolean;
  modelCi?: boolean;
  sources?: ImageSource[];
  availableLocally?: boolean;
  updatedAt?: Date | null;
  manifests?: ImageManifestDto[];
  /**
   * `replace`: the given manifests are the tag's whole set (a push). `merge`: add or update them,
   * but never erase a known digest or size, nor resize a manifest whose digest is known (a seed
   * knows less than the registry).
   */
  manifestMode?: "replace" | "merge";
};

export type UpsertImageTagResult = {
  repositoryId: number;
  tagId: number;
  createdRepository: boolean;
  createdTag: boolean;
};

function repositoryId(tx: Tx, namespace: string, name: string): number | undefined {
  return tx
    .select({ id: imageRepositories.id })
    .from(imageRepositories)
    .where(and(eq(imageRepositories.namespace, namespace), eq(imageRepositories.name, name)))
    .get()?.id;
}

/** Creates the repository or updates its fields; returns its id. */
export async function upsertImageRepositoryRow(
  input: { namespace: string; name: string } & ImageRepositoryFields,
): Promise<number> {
  const { namespace: _namespace, name: _name, ...fields } = input;
  return getDb()
    .insert(imageRepositories)
    .values(input)
    .onConflictDoUpdate({
      target: [imageRepositories.namespace, imageRepositories.name],
      set: fields,
    })
    .returning({ id: imageRepositories.id })
    .get().id;
}

function writeManifests(
  tx: Tx,
  tagId: number,
  manifests: ImageManifestDto[],
  mode: "replace" | "merge",
): void {
  if (mode === "replace") {
    const keep = manifests.map((m) => m.arch);
    tx.delete(imageManifests)
      .where(
        and(
          eq(imageManifests.tagId, tagId),
          keep.length ? notInArray(imageManifests.arch, keep) : undefined,
        ),
      )
      .run();
  }
  for (const m of manifests) {
    tx.insert(imageManifests)
      .values({ tagId, arch: m.arch, digest: m.digest, size: m.size })
      .onConflictDoUpdate({
        target: [imageManifests.tagId, imageManifests.arch],
        set:
          mode === "replace"
            ? { digest: m.digest, size: m.size }
            : {
                digest: sql`coalesce(excluded.digest, ${imageManifests.digest})`,
                // A size from a listing must not replace the exact size of a pushed manifest.
                size: sql`case when excluded.digest is null and ${imageManifests.digest} is not null
                  then ${imageManifests.size} else coalesce(excluded.size, ${imageManifests.size}) end`,
              },
      })
      .run();
  }
}

/** Creates or updates a tag (and its repository when missing, and its manifests) in one transaction. */
export async function upsertImageTagRow(
  input: UpsertImageTagRowInput,
): Promise<UpsertImageTagResult> {
  return getDb().transaction(
    (tx) => {
      let repoId = repositoryId(tx, input.namespace, input.name);
      const createdRepository = repoId === undefined;
      repoId ??= tx
        .insert(imageRepositories)
        .values({ namespace: input.namespace, name: input.name, ...input.repository })
        .returning({ id: imageRepositories.id })
        .get().id;

      const existing = tx
        .select({ id: imageTags.id })
        .from(imageTags)
        .where(and(eq(imageTags.repositoryId, repoId), eq(imageTags.tag, input.tag)))
        .get();
      const given = {
        ...input.columns,
        ...(input.space !== undefined && { space: input.space }),
        ...(input.modelCi !== undefined && { modelCi: input.modelCi }),
        ...(input.sources !== undefined && { sources: input.sources }),
        ...(input.availableLocally !== undefined && { availableLocally: input.availableLocally }),
        ...(input.updatedAt !== undefined && { updatedAt: input.updatedAt }),
      };
      const tagId = existing
        ? (tx.update(imageTags).set(given).where(eq(imageTags.id, existing.id)).run(), existing.id)
        : tx
            .insert(imageTags)
            .values({ repositoryId: repoId, tag: input.tag, ...given })
            .returning({ id: imageTags.id })
            .get().id;

      if (input.manifests)
        writeManifests(tx, tagId, input.manifests, input.manifestMode ?? "merge");
      return { repositoryId: repoId, tagId, createdRepository, createdTag: !existing };
    },
    { behavior: "immediate" },
  );
}
