import "server-only";

import { and, count, countDistinct, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import { getDb } from "../client";
import { imageManifests, imageTags } from "../schema";
import { frameworkNames, type FrameworkName } from "../schema/image-enums";
import { tagConditions, type ImageTagFilters } from "./images";

export type ImageFacetName =
  | "os"
  | "python"
  | "cann"
  | "framework"
  | "frameworkVersion"
  | "openmind"
  | "hardware"
  | "arch"
  | "space"
  | "modelCi";

export type FacetValueCount = { value: string; count: number };

type Group = (where: SQL | undefined) => FacetValueCount[];

const versionColumn = (name: FrameworkName) =>
  name === "mindspore" ? imageTags.mindsporeVersion : imageTags.pytorchVersion;

const byColumn =
  (column: SQLiteColumn): Group =>
  (where) =>
    getDb()
      .select({ value: column, count: count() })
      .from(imageTags)
      .where(and(where, isNotNull(column)))
      .groupBy(column)
      .all();

const flagged =
  (column: SQLiteColumn): Group =>
  (where) => {
    const n = getDb()
      .select({ n: count() })
      .from(imageTags)
      .where(and(where, eq(column, true)))
      .get()!.n;
    return n ? [{ value: "true", count: n }] : [];
  };

const frameworks: Group = (where) =>
  frameworkNames
    .map((name) => ({
      value: name,
      count: getDb()
        .select({ n: count() })
        .from(imageTags)
        .where(and(where, isNotNull(versionColumn(name))))
        .get()!.n,
    }))
    .filter((f) => f.count > 0);

const arches: Group = (where) =>
  getDb()
    .select({ value: imageManifests.arch, count: countDistinct(imageManifests.tagId) })
    .from(imageManifests)
    .innerJoin(imageTags, eq(imageTags.id, imageManifests.tagId))
    .where(where)
    .groupBy(imageManifests.arch)
    .all();

/** How each facet is grouped, and which filters its own counts ignore (its own). */
function facets(
  filters: ImageTagFilters,
): Record<ImageFacetName, { group: Group; omit: (keyof ImageTagFilters)[] }> {
  return {
    os: { group: byColumn(imageTags.os), omit: ["os"] },
    python: { group: byColumn(imageTags.python), omit: ["python"] },
    cann: { group: byColumn(imageTags.cann), omit: ["cann"] },
    framework: { group: frameworks, omit: ["framework", "frameworkVersion"] },
    // Versions only make sense for the framework being filtered on.
    frameworkVersion: {
      group: filters.framework ? byColumn(versionColumn(filters.framework)) : () => [],
      omit: ["frameworkVersion"],
    },
    openmind: { group: byColumn(imageTags.openmindVersion), omit: ["openmind"] },
    hardware: { group: byColumn(imageTags.hardware), omit: ["hardware"] },
    arch: { group: arches, omit: ["arch"] },
    space: { group: flagged(imageTags.space), omit: ["space"] },
    modelCi: { group: flagged(imageTags.modelCi), omit: ["modelCi"] },
  };
}

/**
 * For each facet, every value present among the tags of the repositories, with the number of tags
 * that would match if that value were chosen along with the other filters (0 when none would).
 */
export async function countImageFacets(
  repositoryIds: number[],
  filters: ImageTagFilters,
): Promise<Record<ImageFacetName, FacetValueCount[]>> {
  const inRepos = inArray(imageTags.repositoryId, repositoryIds);
  const result = {} as Record<ImageFacetName, FacetValueCount[]>;
  for (const [name, facet] of Object.entries(facets(filters)) as [
    ImageFacetName,
    ReturnType<typeof facets>[ImageFacetName],
  ][]) {
    if (!repositoryIds.length) {
      result[name] = [];
      continue;
    }
    const others = { ...filters };
    for (const key of facet.omit) delete others[key];
    const counts = new Map(
      facet.group(and(inRepos, tagConditions(others))).map((c) => [c.value, c.count]),
    );
    result[name] = facet
      .group(inRepos)
      .map(({ value }) => ({ value, count: counts.get(value) ?? 0 }));
  }
  return result;
}
