// Client-safe: the state of the image center's listings as URL search params, so a filtered view
// is a link (shareable, and the back button steps through filters). Values that do not parse are
// dropped rather than refused: a stale or hand-edited link still opens, with fewer filters.
import { z } from "zod";

import type { ImageTagFilters } from "@/db/queries/images";
import {
  frameworkNames,
  imageCategories,
  imageHardware,
  type FrameworkName,
  type ImageCategory,
  type ImageHardware,
} from "@/db/schema/image-enums";

import { osNames, type OsName } from "./spec";

export type ImageQuery = {
  category?: ImageCategory;
  /** Search text: repository name/description on /images, tag text on a repository page. */
  q?: string;
  page?: number;
  os?: OsName;
  python?: string;
  cann?: string;
  framework?: FrameworkName;
  frameworkVersion?: string;
  openmind?: string;
  hardware?: ImageHardware;
  arch?: string;
  space?: true;
  modelCi?: true;
};

export type ImageQueryKey = keyof ImageQuery;
/** The keys that filter tags (what "clear filters" clears). */
export const tagFilterKeys = [
  "os",
  "python",
  "cann",
  "framework",
  "frameworkVersion",
  "openmind",
  "hardware",
  "arch",
  "space",
  "modelCi",
] as const satisfies ImageQueryKey[];
export type TagFilterKey = (typeof tagFilterKeys)[number];

/** The URL name of each key, in the order they appear in a URL. */
export const paramNames: Record<ImageQueryKey, string> = {
  category: "category",
  q: "q",
  os: "os",
  python: "python",
  cann: "cann",
  framework: "framework",
  frameworkVersion: "framework_version",
  openmind: "openmind",
  hardware: "hardware",
  arch: "arch",
  space: "space",
  modelCi: "model_ci",
  page: "page",
};

const version = z
  .string()
  .trim()
  .regex(/^\d[0-9a-z.-]{0,39}$/i);
const flag = z.literal("1").transform(() => true as const);
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const querySchema = z.object({
  category: lenient(z.enum(imageCategories)),
  q: lenient(
    z
      .string()
      .trim()
      .max(100)
      .transform((v) => v || undefined),
  ),
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
  os: lenient(z.enum(osNames)),
  python: lenient(z.string().regex(/^\d+\.\d+$/)),
  cann: lenient(version),
  framework: lenient(z.enum(frameworkNames)),
  frameworkVersion: lenient(version),
  openmind: lenient(version),
  hardware: lenient(z.enum(imageHardware)),
  arch: lenient(z.string().regex(/^[a-z0-9]+(?:\/[a-z0-9]+)?$/)),
  space: lenient(flag),
  modelCi: lenient(flag),
});

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function first(source: ParamSource, name: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The listing state a URL's search params describe. */
export function parseImageQuery(source: ParamSource): ImageQuery {
  const raw = Object.fromEntries(
    Object.entries(paramNames).map(([key, name]) => [key, first(source, name)]),
  );
  const query = querySchema.parse(raw);
  // A framework version means nothing without its framework.
  if (!query.framework) delete query.frameworkVersion;
  for (const key of Object.keys(query) as ImageQueryKey[]) {
    if (query[key] === undefined) delete query[key];
  }
  return query;
}

/** `?os=ubuntu&…` for the state ("" when empty), keys in a stable order. */
export function imageQueryString(query: ImageQuery): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(paramNames) as [ImageQueryKey, string][]) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    if (key === "page" && value === 1) continue;
    params.set(name, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The state with one key set (or cleared with undefined). Any change of what is listed goes back
 * to the first page; changing the framework drops its version.
 */
export function withImageQuery(query: ImageQuery, changes: Partial<ImageQuery>): ImageQuery {
  const next: ImageQuery = { ...query, ...changes };
  if (!("page" in changes)) delete next.page;
  if ("framework" in changes && changes.framework !== query.framework) delete next.frameworkVersion;
  for (const key of Object.keys(next) as ImageQueryKey[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** The state without any tag filter (category and search text stay). */
export function clearTagFilters(query: ImageQuery): ImageQuery {
  return withImageQuery(query, Object.fromEntries(tagFilterKeys.map((k) => [k, undefined])));
}

export function activeTagFilters(query: ImageQuery): TagFilterKey[] {
  return tagFilterKeys.filter((k) => query[k] !== undefined);
}

/** The catalog filters the state asks for (`q` is added by a repository page, where it searches tags). */
export function tagFiltersOf(query: ImageQuery): ImageTagFilters {
  const filters: ImageTagFilters = {};
  for (const key of tagFilterKeys) {
    if (query[key] !== undefined) Object.assign(filters, { [key]: query[key] });
  }
  return filters;
}
