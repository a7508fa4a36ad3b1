import "server-only";

import { findLatestLocalTags } from "@/db/queries/image-pushes";
import {
  countImageTags,
  findImageRepositoryRow,
  listImageRepositoryRows,
  listImageTagRows,
  type ImageRepositoryRow,
  type ImageTagFilters,
  type ImageTagRow,
} from "@/db/queries/images";
import { imageCategories, type ImageCategory } from "@/db/schema/image-enums";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

import { pullCommands, registryHost, type PullCommand } from "../stack/pull-commands";
import { compareVersionKeys, sortVersions } from "../stack/version";
import { canReadImageRepository, readableRepositories } from "./access";

// The image center's reads, for its pages: repositories by category with filters and counts, the
// tags of a repository with filters. Every read is limited to what the caller may see.

export type { ImageTagFilters } from "@/db/queries/images";

export type ImageRepositorySummary = {
  namespace: string;
  name: string;
  /** `namespace/name` */
  fullName: string;
  category: ImageCategory;
  description: string;
  visibility: "public" | "private";
  tagCount: number;
  /** Tags matching the filters of the listing (equal to tagCount without filters). */
  matchingTagCount: number;
  /** Pulling from this hub's registry (its most recently pushed tag); null when it holds none. */
  hubPull: PullCommand | null;
};

export type ImageTagSummary = Omit<ImageTagRow, "id" | "repositoryId" | "openmindVersion"> & {
  openmind: string | null;
  /** False for tags outside the stack's tag grammar (e.g. `latest`); their variables are null. */
  grammar: boolean;
};

export type ImageFacets = {
  os: string[];
  python: string[];
  cann: string[];
  chip: string[];
  pytorch: string[];
  mindspore: string[];
  openmind: string[];
  hardware: string[];
  arch: string[];
};

/** `docker pull <this hub>/<namespace>/<name>:<tag>`. */
function hubPullCommand(row: ImageRepositoryRow, tag: string | undefined): PullCommand | null {
  if (!tag) return null;
  const [command] = pullCommands({
    hubHost: registryHost(getConfig().publicUrl),
    namespace: row.namespace,
    name: row.name,
    tag,
    sources: [],
    availableLocally: true,
  });
  return command ?? null;
}

function summarize(
  row: ImageRepositoryRow,
  counts?: { total: number; matching: number },
  latestLocalTag?: string,
): ImageRepositorySummary {
  return {
    namespace: row.namespace,
    name: row.name,
    fullName: `${row.namespace}/${row.name}`,
    category: row.category,
    description: row.description,
    visibility: row.visibility,
    tagCount: counts?.total ?? 0,
    matchingTagCount: counts?.matching ?? 0,
    hubPull: hubPullCommand(row, latestLocalTag),
  };
}

export function toTagSummary(row: ImageTagRow): ImageTagSummary {
  const { id: _id, repositoryId: _repositoryId, openmindVersion, ...rest } = row;
  return { ...rest, openmind: openmindVersion, grammar: row.python !== null };
}

/** Whether a repository's name or description contains the search text (any case). */
export function matchesRepositoryQuery(q: string | undefined) {
  const text = q?.trim().toLowerCase();
  return (r: Pick<ImageRepositoryRow, "namespace" | "name" | "description">) =>
    !text ||
    `${r.namespace}/${r.name}`.includes(text) ||
    r.description.toLowerCase().includes(text);
}

const hasFilters = (f: ImageTagFilters) =>
  Object.values(f).some((v) => v !== undefined && v !== "");

/**
 * Repositories the caller may see, with tag counts. `q` matches the repository's name or
 * description; tag filters keep the repositories with at least one matching tag. `categories`
 * counts the listed repositories per category as if no category were chosen.
 */
export async function listImageRepositories(
  caller: Caller | null,
  query: { category?: ImageCategory; q?: string; filters?: ImageTagFilters } = {},
): Promise<{ repositories: ImageRepositorySummary[]; categories: Record<ImageCategory, number> }> {
  const filters = query.filters ?? {};
  const rows = (await readableRepositories(caller, await listImageRepositoryRows())).filter(
    matchesRepositoryQuery(query.q),
  );
  const ids = rows.map((r) => r.id);
  const [counts, localTags] = await Promise.all([
    countImageTags(ids, filters),
    findLatestLocalTags(ids),
  ]);
  const listed = rows
    .map((r) => summarize(r, counts.get(r.id), localTags.get(r.id)))
    .filter((r) => !hasFilters(filters) || r.matchingTagCount > 0);

  const categories = Object.fromEntries(imageCategories.map((c) => [c, 0])) as Record<
    ImageCategory,
    number
  >;
  for (const r of listed) categories[r.category]++;
  return {
    repositories: query.category ? listed.filter((r) => r.category === query.category) : listed,
    categories,
  };
}

/** The repository, or a 404 when it does not exist or the caller may not see it. */
export async function getReadableRepository(
  caller: Caller | null,
  namespace: string,
  name: string,
): Promise<ImageRepositoryRow> {
  const row = await findImageRepositoryRow(namespace, name);
  if (!row || !(await canReadImageRepository(caller, row))) {
    throw new AppError("not_found", `Image repository ${namespace}/${name} not found.`);
  }
  return row;
}

/** Newest first: openMind, PyTorch, MindSpore, CANN, Python; tags outside the grammar (`latest`) on top. */
function compareTagsNewestFirst(a: ImageTagSummary, b: ImageTagSummary): number {
  const key = (t: ImageTagSummary) => [
    t.grammar ? null : "1",
    t.openmind,
    t.frameworks.find((f) => f.name === "pytorch")?.version ?? null,
    t.frameworks.find((f) => f.name === "mindspore")?.version ?? null,
    t.cann,
    t.python,
  ];
  return compareVersionKeys(key(b), key(a)) || a.tag.localeCompare(b.tag);
}

/** The values present among tags, for filter menus (versions oldest first). */
function facetsOf(tags: ImageTagSummary[]): ImageFacets {
  const values = (pick: (t: ImageTagSummary) => (string | null | undefined)[]) =>
    sortVersions(tags.flatMap(pick).filter((v): v is string => !!v));
  return {
    os: values((t) => [t.os]),
    python: values((t) => [t.python]),
    cann: values((t) => [t.cann]),
    chip: values((t) => [t.chip]),
    pytorch: values((t) => t.frameworks.filter((f) => f.name === "pytorch").map((f) => f.version)),
    mindspore: values((t) =>
      t.frameworks.filter((f) => f.name === "mindspore").map((f) => f.version),
    ),
    openmind: values((t) => [t.openmind]),
    hardware: values((t) => [t.hardware]),
    arch: values((t) => t.manifests.map((m) => m.arch)),
  };
}

/** The tags of a repository matching the filters (newest first), and the filter values of all its tags. */
export async function listImageTags(
  caller: Caller | null,
  namespace: string,
  name: string,
  filters: ImageTagFilters = {},
): Promise<{ repository: ImageRepositorySummary; tags: ImageTagSummary[]; facets: ImageFacets }> {
  const repo = await getReadableRepository(caller, namespace, name);
  const all = (await listImageTagRows([repo.id])).map(toTagSummary);
  const matching = hasFilters(filters)
    ? (await listImageTagRows([repo.id], filters)).map(toTagSummary)
    : all;
  const localTags = await findLatestLocalTags([repo.id]);
  return {
    repository: summarize(
      repo,
      { total: all.length, matching: matching.length },
      localTags.get(repo.id),
    ),
    tags: matching.sort(compareTagsNewestFirst),
    facets: facetsOf(all),
  };
}
