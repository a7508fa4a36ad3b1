import "server-only";

import { and, asc, count, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";

import { getDb } from "../client";
import { imageManifests, imageRepositories, imageTags, owners } from "../schema";
import {
  type FrameworkName,
  type ImageCategory,
  type ImageHardware,
  type ImageSource,
  type ImageVisibility,
} from "../schema/image-enums";

export type ImageRepositoryRow = {
  id: number;
  namespace: string;
  name: string;
  category: ImageCategory;
  description: string;
  visibility: ImageVisibility;
  ownerId: number | null;
  ownerKind: "user" | "org" | null;
};

export type ImageTagFilters = {
  os?: string;
  python?: string;
  cann?: string;
  chip?: string;
  framework?: FrameworkName;
  frameworkVersion?: string;
  openmind?: string;
  hardware?: ImageHardware;
  arch?: string;
  space?: boolean;
  modelCi?: boolean;
  /** Part of the tag text. */
  q?: string;
};

export type ImageManifestDto = { arch: string; digest: string | null; size: number | null };

export type ImageTagRow = {
  id: number;
  repositoryId: number;
  tag: string;
  os: string | null;
  osVersion: string | null;
  python: string | null;
  cann: string | null;
  chip: string | null;
  frameworks: { name: FrameworkName; version: string }[];
  openmindVersion: string | null;
  hardware: ImageHardware | null;
  space: boolean;
  modelCi: boolean;
  sources: ImageSource[];
  availableLocally: boolean;
  updatedAt: Date | null;
  manifests: ImageManifestDto[];
};

const repositoryColumns = {
  id: imageRepositories.id,
  namespace: imageRepositories.namespace,
  name: imageRepositories.name,
  category: imageRepositories.category,
  description: imageRepositories.description,
  visibility: imageRepositories.visibility,
  ownerId: imageRepositories.ownerId,
  ownerKind: owners.kind,
};

const tagColumns = {
  id: imageTags.id,
  repositoryId: imageTags.repositoryId,
  tag: imageTags.tag,
  os: imageTags.os,
  osVersion: imageTags.osVersion,
  python: imageTags.python,
  cann: imageTags.cann,
  chip: imageTags.chip,
  frameworks: imageTags.frameworks,
  openmindVersion: imageTags.openmindVersion,
  hardware: imageTags.hardware,
  space: imageTags.space,
  modelCi: imageTags.modelCi,
  sources: imageTags.sources,
  availableLocally: imageTags.availableLocally,
  updatedAt: imageTags.updatedAt,
};

/** Every repository (optionally of one category); callers filter by what the viewer may read. */
export async function listImageRepositoryRows(
  category?: ImageCategory,
): Promise<ImageRepositoryRow[]> {
  return getDb()
    .select(repositoryColumns)
    .from(imageRepositories)
    .leftJoin(owners, eq(owners.id, imageRepositories.ownerId))
    .where(category ? eq(imageRepositories.category, category) : undefined)
    .orderBy(asc(imageRepositories.namespace), asc(imageRepositories.name))
    .all();
}

export async function findImageRepositoryRow(
  namespace: string,
  name: string,
): Promise<ImageRepositoryRow | null> {
  return (
    getDb()
      .select(repositoryColumns)
      .from(imageRepositories)
      .leftJoin(owners, eq(owners.id, imageRepositories.ownerId))
      .where(and(eq(imageRepositories.namespace, namespace), eq(imageRepositories.name, name)))
      .get() ?? null
  );
}

/** The WHERE clause of the filters (shared with the facet counts). */
export function tagConditions(filters: ImageTagFilters): SQL | undefined {
  const f = filters;
  const versionColumn =
    f.framework === "mindspore" ? imageTags.mindsporeVersion : imageTags.pytorchVersion;
  return and(
    f.os ? eq(imageTags.os, f.os) : undefined,
    f.python ? eq(imageTags.python, f.python) : undefined,
    f.cann ? eq(imageTags.cann, f.cann) : undefined,
    f.chip ? eq(imageTags.chip, f.chip) : undefined,
    f.framework ? isNotNull(versionColumn) : undefined,
    f.framework && f.frameworkVersion ? eq(versionColumn, f.frameworkVersion) : undefined,
    f.openmind ? eq(imageTags.openmindVersion, f.openmind) : undefined,
    f.hardware ? eq(imageTags.hardware, f.hardware) : undefined,
    f.space !== undefined ? eq(imageTags.space, f.space) : undefined,
    f.modelCi !== undefined ? eq(imageTags.modelCi, f.modelCi) : undefined,
    // instr() rather than LIKE, so "%" and "_" in the query are plain characters.
    f.q ? sql`instr(${imageTags.tag}, ${f.q}) > 0` : undefined,
    f.arch
      ? inArray(
          imageTags.id,
          getDb()
            .select({ id: imageManifests.tagId })
            .from(imageManifests)
            .where(eq(imageManifests.arch, f.arch)),
        )
      : undefined,
  );
}

/** Tags per repository: all of them, and those matching the filters. */
export async function countImageTags(
  repositoryIds: number[],
  filters: ImageTagFilters,
): Promise<Map<number, { total: number; matching: number }>> {
  const counts = new Map(repositoryIds.map((id) => [id, { total: 0, matching: 0 }]));
  if (!repositoryIds.length) return counts;
  const db = getDb();
  const inRepos = inArray(imageTags.repositoryId, repositoryIds);
  const group = (where: SQL | undefined) =>
    db
      .select({ id: imageTags.repositoryId, n: count() })
      .from(imageTags)
      .where(where)
      .groupBy(imageTags.repositoryId)
      .all();
  for (const row of group(inRepos)) counts.get(row.id)!.total = row.n;
  for (const row of group(and(inRepos, tagConditions(filters))))
    counts.get(row.id)!.matching = row.n;
  return counts;
}

async function withManifests<T extends { id: number }>(
  rows: T[],
): Promise<(T & { manifests: ImageManifestDto[] })[]> {
  if (!rows.length) return [];
  const manifests = getDb()
    .select({
      tagId: imageManifests.tagId,
      arch: imageManifests.arch,
      digest: imageManifests.digest,
      size: imageManifests.size,
    })
    .from(imageManifests)
    .where(
      inArray(
        imageManifests.tagId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(imageManifests.arch))
    .all();
  return rows.map((row) => ({
    ...row,
    manifests: manifests
      .filter((m) => m.tagId === row.id)
      .map(({ arch, digest, size }) => ({ arch, digest, size })),
  }));
}

export async function listImageTagRows(
  repositoryIds: number[],
  filters: ImageTagFilters = {},
): Promise<ImageTagRow[]> {
  if (!repositoryIds.length) return [];
  const rows = getDb()
    .select(tagColumns)
    .from(imageTags)
    .where(and(inArray(imageTags.repositoryId, repositoryIds), tagConditions(filters)))
    .orderBy(asc(imageTags.tag))
    .all();
  return withManifests(rows);
}

export async function findImageTagRow(
  repositoryId: number,
  tag: string,
): Promise<ImageTagRow | null> {
  const row = getDb()
    .select(tagColumns)
    .from(imageTags)
    .where(and(eq(imageTags.repositoryId, repositoryId), eq(imageTags.tag, tag)))
    .get();
  return row ? ((await withManifests([row]))[0] ?? null) : null;
}

export type SelectionCandidate = ImageTagRow & { repository: ImageRepositoryRow };

/** openMind tags offered for a purpose, with their repository (for the permission check). */
export async function listSelectionCandidates(
  purpose: "space" | "model_ci",
): Promise<SelectionCandidate[]> {
  const rows = getDb()
    .select({ ...tagColumns, repository: repositoryColumns })
    .from(imageTags)
    .innerJoin(imageRepositories, eq(imageRepositories.id, imageTags.repositoryId))
    .leftJoin(owners, eq(owners.id, imageRepositories.ownerId))
    .where(
      and(
        isNotNull(imageTags.openmindVersion),
        isNotNull(imageTags.hardware),
        purpose === "space" ? eq(imageTags.space, true) : eq(imageTags.modelCi, true),
      ),
    )
    .all();
  return withManifests(rows);
}
