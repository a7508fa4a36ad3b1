// Client-safe: the state of a model, dataset or Space list as URL search params, so every filtered,
// sorted page is a link. The server page, the JSON route and the browser all read it the same way.
// Values that do not parse are dropped rather than refused: a stale or hand-edited link still opens.

/** The filters a list offers (a subset of the indexed card facets). */
export const listFacets = [
  "task",
  "library",
  "framework",
  "hardware",
  "license",
  "language",
  "dataset",
  "sdk",
  "tag",
] as const;
export type ListFacet = (typeof listFacets)[number];

export const listSorts = ["likes", "downloads", "updated", "created", "name"] as const;
export type ListSort = (typeof listSorts)[number];

export const listPageSize = 24;

/**
 * Pages up to this one are linked by number (`?page=`): skipping fewer than 1,000 rows is cheap.
 * Past it the list links by keyset (`?after=` / `?before=`, the opaque cursor of the last or
 * first row shown), which costs the same however deep the page is and stays a shareable URL.
 */
export const listNumberedPages = 40;

/** The model list's CI filter: `?ci=npu` lists models whose CI passed on NPU (`cpu` likewise). */
export const listCiHardware = ["npu", "cpu"] as const;
export type ListCiHardware = (typeof listCiHardware)[number];

export type RepoListParams = {
  /** Search text (`?search=`, the name the site header's search box uses). */
  search?: string;
  owner?: string;
  ci?: ListCiHardware;
  sort?: ListSort;
  page?: number;
  /** The page after the row this cursor names (keyset paging; `page` is then not used). */
  after?: string;
  /** The page before the row this cursor names. */
  before?: string;
} & Partial<Record<ListFacet, string>>;

type ParamKey = keyof RepoListParams;

/** URL names, in the order they appear in a URL. */
const keys: ParamKey[] = [
  "search",
  "owner",
  ...listFacets,
  "ci",
  "sort",
  "page",
  "after",
  "before",
];
/** The keys that say where in the list a page is; changing anything else starts from the top. */
const positionKeys = ["page", "after", "before"] as const;

// Hand-written rather than zod: this module is part of every page's client bundle (the header's
// links and the list page), and zod would add ~30 kB gz to each first load.
const textMax: Partial<Record<ParamKey, number>> = { search: 200, owner: 39 };

/** Trimmed text within its length, or undefined (too long or empty values are dropped). */
function textValue(key: ParamKey, value: string | undefined): string | undefined {
  const text = value?.trim();
  return text && text.length <= (textMax[key] ?? 100) ? text : undefined;
}

function pageValue(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : undefined;
}

/** A cursor is base64url text; the server checks the rest (`lib/repos/list-cursor.ts`). */
function cursorValue(value: string | undefined): string | undefined {
  return value && value.length <= 800 && /^[A-Za-z0-9_-]+$/.test(value) ? value : undefined;
}

function sortValue(value: string | undefined): ListSort | undefined {
  return listSorts.find((sort) => sort === value);
}

function ciValue(value: string | undefined): ListCiHardware | undefined {
  return listCiHardware.find((hardware) => hardware === value);
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function first(source: ParamSource, name: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

function compact(params: RepoListParams): RepoListParams {
  for (const key of Object.keys(params) as ParamKey[])
    if (params[key] === undefined) delete params[key];
  return params;
}

export function parseListParams(source: ParamSource): RepoListParams {
  const params: RepoListParams = {};
  for (const key of keys) {
    const value = first(source, key);
    if (key === "page") params.page = pageValue(value);
    else if (key === "sort") params.sort = sortValue(value);
    else if (key === "ci") params.ci = ciValue(value);
    else if (key === "after" || key === "before") params[key] = cursorValue(value);
    else params[key] = textValue(key, value);
  }
  // "updated" is the default; page 1 is the default: neither belongs in the URL.
  if (params.sort === "updated") delete params.sort;
  if (params.page === 1) delete params.page;
  // One way of saying where the page is: a cursor wins over a page number, `before` over `after`.
  if (params.before) delete params.after;
  if (params.after || params.before) delete params.page;
  return compact(params);
}

/** `?search=…&framework=…` ("" when empty), keys in a stable order. */
export function listQueryString(params: RepoListParams): string {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = params[key];
    if (value === undefined || value === "") continue;
    if ((key === "page" && value === 1) || (key === "sort" && value === "updated")) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : "";
}

/** The state with some keys changed; anything but a page change goes back to the first page. */
export function withListParams(
  params: RepoListParams,
  changes: Partial<RepoListParams>,
): RepoListParams {
  const next: RepoListParams = { ...params, ...changes };
  for (const key of positionKeys) if (!(key in changes)) delete next[key];
  return compact(next);
}

export function activeFacets(params: RepoListParams): ListFacet[] {
  return listFacets.filter((facet) => params[facet] !== undefined);
}
