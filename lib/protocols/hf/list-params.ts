import { AppError } from "@/lib/errors";
import type { RepoSearchInput } from "@/lib/repos/search";

/** HF sort keys (and Python's snake_case spellings) → our sorts; likes stand in for trending. */
const sorts: Record<string, NonNullable<RepoSearchInput["sort"]>> = {
  lastModified: "updated",
  last_modified: "updated",
  createdAt: "created",
  created_at: "created",
  downloads: "downloads",
  downloadsAllTime: "downloads",
  likes: "likes",
  likes30d: "likes",
  trendingScore: "likes",
  trending_score: "likes",
  id: "name",
  modelId: "name",
};

const defaultListLimit = 100;
const maxListLimit = 1000;

export type ListParams = {
  search: Omit<RepoSearchInput, "type" | "withFacets">;
  limit: number;
  /** The opaque `cursor` of our `Link` headers (`lib/repos/list-cursor.ts`), read by the caller. */
  cursor: string | null;
};

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  try {
    const offset = (
      JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown }
    ).o;
    if (Number.isSafeInteger(offset) && (offset as number) >= 0) return offset as number;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Invalid cursor; follow the Link header of the previous page.");
}

/** A whole number in [min, max] from a query parameter, or the default when absent. */
export function intParam(
  value: string | null,
  fallback: number,
  min: number,
  max: number,
  name: string,
): number {
  if (value === null || value === "") return fallback;
  if (!/^\d+$/.test(value)) throw new AppError("bad_request", `${name} must be a whole number.`);
  return Math.min(max, Math.max(min, Number(value)));
}

/**
 * The query of `GET /api/models|datasets|spaces`: `search` (repeatable), `author`, `filter`
 * (repeatable card tags like `license:apache-2.0`), `pipeline_tag`, `sort`, `direction` (-1/1),
 * `limit` and the opaque `cursor` our `Link` headers carry.
 */
export function parseListParams(params: URLSearchParams): ListParams {
  const sortKey = params.get("sort");
  const sort = sortKey ? sorts[sortKey] : "updated";
  if (!sort)
    throw new AppError(
      "bad_request",
      `Unknown sort "${sortKey}"; use ${Object.keys(sorts).join(", ")}.`,
    );
  const direction = params.get("direction");
  if (direction !== null && !["-1", "1", "asc", "desc"].includes(direction)) {
    throw new AppError("bad_request", "direction must be -1 (descending) or 1 (ascending).");
  }
  const tags = params
    .getAll("filter")
    .flatMap((value) => value.split(","))
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length > 20) throw new AppError("bad_request", "Use at most 20 filters.");
  const search = params
    .getAll("search")
    .map((q) => q.trim())
    .filter(Boolean)
    .join(" ");
  const task = params.get("pipeline_tag")?.trim();
  const cursor = params.get("cursor");
  return {
    search: {
      q: search || undefined,
      owner: params.get("author")?.trim() || undefined,
      tags,
      filters: task ? { task } : {},
      sort,
      direction: direction === "1" || direction === "asc" ? "asc" : "desc",
    },
    limit: intParam(params.get("limit"), defaultListLimit, 1, maxListLimit, "limit"),
    cursor: cursor || null,
  };
}
