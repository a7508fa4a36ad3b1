import "server-only";

import { countImageFacets, type ImageFacetName } from "@/db/queries/image-facets";
import { listImageRepositoryRows } from "@/db/queries/images";
import {
  frameworkNames,
  imageArches,
  imageHardware,
  type ImageCategory,
} from "@/db/schema/image-enums";
import type { Caller } from "@/lib/auth/caller";

import { osNames } from "../stack/spec";
import { compareVersions } from "../stack/version";
import { readableRepositories } from "./access";
import {
  getReadableRepository,
  listImageRepositories,
  listImageTags,
  matchesRepositoryQuery,
  type ImageRepositorySummary,
  type ImageTagFilters,
  type ImageTagSummary,
} from "./catalog";

// What the image center's pages show: the listings of catalog.ts with, for every filter, its values
// and how many tags each would match, and the tags of a repository one page at a time.

export type { ImageFacetName } from "@/db/queries/image-facets";

export type FacetOption = { value: string; count: number };
export type ImageFacetCounts = Record<ImageFacetName, FacetOption[]>;

/** Named values in their usual order; versions newest first (what people look for). */
const fixedOrder: Partial<Record<ImageFacetName, readonly string[]>> = {
  os: osNames,
  framework: frameworkNames,
  hardware: [...imageHardware].reverse(),
  arch: imageArches,
};

function arrange(raw: Record<ImageFacetName, FacetOption[]>): ImageFacetCounts {
  const result = {} as ImageFacetCounts;
  for (const [name, options] of Object.entries(raw) as [ImageFacetName, FacetOption[]][]) {
    const order = fixedOrder[name];
    const rank = (v: string) => (order?.includes(v) ? order.indexOf(v) : Number.MAX_SAFE_INTEGER);
    result[name] = [...options].sort((a, b) =>
      order
        ? rank(a.value) - rank(b.value) || a.value.localeCompare(b.value)
        : compareVersions(b.value, a.value),
    );
  }
  return result;
}

/**
 * The image center's front page: the repositories the caller may see (by category, search text and
 * tag filters), the number per category, and the filter values with their tag counts within the
 * chosen category and search.
 */
export async function browseImageCatalog(
  caller: Caller | null,
  query: { category?: ImageCategory; q?: string; filters?: ImageTagFilters } = {},
): Promise<{
  repositories: ImageRepositorySummary[];
  categories: Record<ImageCategory, number>;
  facets: ImageFacetCounts;
}> {
  const filters = query.filters ?? {};
  const listing = await listImageRepositories(caller, query);
  const scope = (
    await readableRepositories(caller, await listImageRepositoryRows(query.category))
  ).filter(matchesRepositoryQuery(query.q));
  const facets = arrange(
    await countImageFacets(
      scope.map((r) => r.id),
      filters,
    ),
  );
  return { ...listing, facets };
}

export const tagsPerPage = 25;

/**
 * One page of a repository's tags matching the filters (newest first) and the filter values of
 * the repository with their counts; 404 when the caller may not see the repository. A page past
 * the end gives the last page.
 */
export async function browseImageRepository(
  caller: Caller | null,
  input: { namespace: string; name: string; filters?: ImageTagFilters; page?: number },
): Promise<{
  repository: ImageRepositorySummary;
  tags: ImageTagSummary[];
  page: number;
  pageCount: number;
  facets: ImageFacetCounts;
}> {
  const filters = input.filters ?? {};
  const row = await getReadableRepository(caller, input.namespace, input.name);
  const { repository, tags } = await listImageTags(caller, input.namespace, input.name, filters);
  const pageCount = Math.max(1, Math.ceil(tags.length / tagsPerPage));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pageCount);
  return {
    repository,
    tags: tags.slice((page - 1) * tagsPerPage, page * tagsPerPage),
    page,
    pageCount,
    facets: arrange(await countImageFacets([row.id], filters)),
  };
}
