import "server-only";

import { z } from "zod";

import { searchOwners } from "@/db/queries/owners";
import type { Caller } from "@/lib/auth/caller";
import { hostedRepoTypes, type HostedRepoType } from "@/lib/repos/kinds";
import { searchRepos } from "@/lib/repos/search";
import { repoHref } from "@/lib/repos/urls";

import { searchTypes, type SearchGroup, type SearchType } from "./search-types";

const searchInputSchema = z.object({
  q: z.string().trim().min(1, "Type something to search for.").max(200),
  type: z.enum(searchTypes).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

/** Raw values (query-string values are strings); the schema checks them. */
type SearchInput = Partial<Record<keyof z.input<typeof searchInputSchema>, unknown>>;

function isRepoType(type: SearchType): type is HostedRepoType {
  return (hostedRepoTypes as string[]).includes(type);
}

async function searchGroup(
  caller: Caller | null,
  type: SearchType,
  q: string,
  limit: number,
  offset = 0,
): Promise<SearchGroup> {
  if (isRepoType(type)) {
    // The repository search applies visibility: private ones only for those who may read them.
    const result = await searchRepos(caller, { type, q, limit, offset, sort: "likes" });
    return {
      type,
      total: result.total,
      hits: result.items.map((repo) => ({
        title: `${repo.ownerName}/${repo.name}`,
        detail: repo.description ?? repo.space?.shortDescription ?? null,
        href: repoHref({ type: repo.type, owner: repo.ownerName, name: repo.name }),
        isPrivate: repo.isPrivate,
      })),
    };
  }
  const result = await searchOwners({ q, kind: type, limit, offset });
  return {
    type,
    total: result.total,
    hits: result.items.map((owner) => ({
      title: owner.name,
      detail: owner.displayName,
      href: `/${encodeURIComponent(owner.name)}`,
      isPrivate: false,
    })),
  };
}

/** Models, datasets, Spaces, users and organisations matching `q`, grouped by type, as the caller may see them. */
export async function searchEverything(
  caller: Caller | null,
  input: SearchInput,
): Promise<SearchGroup[]> {
  const { q, type, limit } = searchInputSchema.parse(input);
  return Promise.all((type ? [type] : searchTypes).map((t) => searchGroup(caller, t, q, limit)));
}

/** Per type on the "all" results page, and on a page of one type. */
const pageLimits = { all: 5, one: 50 };

/**
 * The results page: the groups of one type (or of all), with every type's total for the type switch.
 * An unknown type shows all; an empty query shows nothing (null).
 */
export async function searchResultsPage(
  caller: Caller | null,
  params: { q?: string; type?: string; page?: string },
): Promise<{
  q: string;
  type: SearchType | null;
  page: number;
  pageSize: number;
  groups: SearchGroup[];
} | null> {
  const q = params.q?.trim().slice(0, 200) ?? "";
  if (!q) return null;
  const parsed = z.enum(searchTypes).safeParse(params.type);
  const type = parsed.success ? parsed.data : null;
  // Pages only for one type; the "all" page shows each type's first hits.
  const wanted = Number(params.page);
  const page = type && Number.isSafeInteger(wanted) && wanted > 1 ? Math.min(wanted, 10_000) : 1;
  const groups = await Promise.all(
    searchTypes.map((t) =>
      type === null
        ? searchGroup(caller, t, q, pageLimits.all)
        : t === type
          ? searchGroup(caller, t, q, pageLimits.one, (page - 1) * pageLimits.one)
          : searchGroup(caller, t, q, 1),
    ),
  );
  return { q, type, page, pageSize: pageLimits.one, groups };
}
