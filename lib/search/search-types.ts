// Client-safe: what one search over the hub finds, for the type-ahead, the results page and the API.

export const searchTypes = ["model", "dataset", "space", "user", "org"] as const;
export type SearchType = (typeof searchTypes)[number];

export type SearchHit = {
  /** `owner/name` for a repository, the name for a user or an organisation. */
  title: string;
  detail: string | null;
  href: string;
  isPrivate: boolean;
};

export type SearchGroup = { type: SearchType; total: number; hits: SearchHit[] };

/** The full results page of a query, optionally of one type. */
export function searchHref(q: string, type?: SearchType, page = 1): string {
  const params = new URLSearchParams({ q });
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}
