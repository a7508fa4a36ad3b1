import "server-only";

import { z } from "zod";

import { repoSorts, type RepoListPosition, type RepoSort } from "@/db/queries/repo-list";

/** The order a cursor was made for: a cursor read under another order would skip or repeat rows. */
type ListOrder = { sort: RepoSort; direction: "asc" | "desc" };

const cursorSchema = z.object({
  s: z.enum(repoSorts),
  d: z.enum(["asc", "desc"]),
  k: z
    .array(z.union([z.number().int().min(0), z.string().max(200)]))
    .min(1)
    .max(2),
  i: z.number().int().positive(),
});

/** Longer text than any cursor we make is refused before it is decoded. */
const maxCursorLength = 800;

/**
 * The opaque cursor of a list position: base64url JSON of the order, the row's sort key and its
 * id. It names a row, not an offset, so the page after it costs the same wherever it is.
 */
export function encodeListCursor(
  order: ListOrder,
  row: { id: number; sortKey: (string | number)[] },
): string {
  const cursor: z.infer<typeof cursorSchema> = {
    s: order.sort,
    d: order.direction,
    k: row.sortKey,
    i: row.id,
  };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The position a cursor names under `order`, or null when it is not one of ours for that order. */
export function parseListCursor(cursor: string, order: ListOrder): RepoListPosition | null {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return null;
  const { s, d, k, i } = parsed.data;
  if (s !== order.sort || d !== order.direction) return null;
  // A name is ordered by two texts (owner, name); every other sort by one number.
  const shape = s === "name" ? ["string", "string"] : ["number"];
  if (k.length !== shape.length || k.some((value, n) => typeof value !== shape[n])) return null;
  return { key: k, id: i };
}
