import "server-only";

import { z } from "zod";

import {
  upsertImageRepositoryRow,
  upsertImageTagRow,
  type ImageTagColumns,
} from "@/db/queries/image-upsert";
import {
  imageCategories,
  imageSources,
  imageVisibilities,
  type ImageCategory,
} from "@/db/schema/image-enums";

import { resolveConfig } from "../stack/stack";
import { isImageKind, parseTag, TagGrammarError, type ImageVariables } from "../stack/tags";

// Docker's rules for repository path components and tags (also how page and route params are checked).
export const pathComponent = z
  .string()
  .max(128)
  .regex(
    /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/,
    "Use lower-case letters and digits, separated by '.', '_' or '-'.",
  );
export const tagName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "Not a valid tag.");

const manifestSchema = z.object({
  arch: z.string().regex(/^[a-z0-9]+(?:\/[a-z0-9]+)?$/, "Not an architecture (amd64, arm64 …)."),
  digest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, "Not a sha256 digest.")
    .nullable(),
  size: z.number().int().nonnegative().nullable(),
});

const repositoryFields = z.object({
  category: z.enum(imageCategories).optional(),
  description: z.string().max(2000).optional(),
  visibility: z.enum(imageVisibilities).optional(),
  ownerId: z.number().int().positive().nullable().optional(),
});

const upsertImageTagSchema = z.object({
  namespace: pathComponent,
  name: pathComponent,
  tag: tagName,
  /** Applied only when the repository is created by this call. */
  repository: repositoryFields.optional(),
  space: z.boolean().optional(),
  modelCi: z.boolean().optional(),
  sources: z.array(z.enum(imageSources)).optional(),
  availableLocally: z.boolean().optional(),
  updatedAt: z.date().nullable().optional(),
  manifests: z.array(manifestSchema).optional(),
  manifestMode: z.enum(["replace", "merge"]).optional(),
});

export type UpsertImageTagInput = z.input<typeof upsertImageTagSchema>;

export type UpsertImageTagResult = {
  repository: string;
  tag: string;
  /** The tag's variables when it follows the stack grammar of its repository, else null. */
  variables: ImageVariables | null;
  createdRepository: boolean;
  createdTag: boolean;
};

/** The category a new repository of this name gets unless told otherwise. */
function defaultCategory(name: string): ImageCategory {
  if (name === "python" || name === "cann") return "base";
  if (name === "pytorch" || name === "mindspore") return "framework";
  return name === "openmind" ? "llm" : "app";
}

/** The tag's variables when its repository is one of the stack's and the tag follows the grammar. */
export function tagVariables(name: string, tag: string): ImageVariables | null {
  if (!isImageKind(name)) return null;
  try {
    return parseTag(tag, name);
  } catch (error) {
    if (error instanceof TagGrammarError) return null;
    throw error;
  }
}

function tagColumns(v: ImageVariables | null): ImageTagColumns {
  if (!v) {
    return {
      os: null,
      osVersion: null,
      python: null,
      cann: null,
      chip: null,
      frameworks: [],
      pytorchVersion: null,
      mindsporeVersion: null,
      openmindVersion: null,
      hardware: null,
    };
  }
  const c = resolveConfig(v);
  const version = (name: string) => v.frameworks.find((f) => f.name === name)?.version ?? null;
  return {
    os: c.os,
    osVersion: c.osVersion,
    python: c.python,
    cann: c.cann,
    chip: c.chip,
    frameworks: v.frameworks,
    pytorchVersion: version("pytorch"),
    mindsporeVersion: version("mindspore"),
    openmindVersion: c.openmind,
    hardware: c.hardware,
  };
}

/**
 * Creates or updates a tag of the catalog — what the registry calls on push (with
 * `availableLocally: true`, the pushed manifests and `manifestMode: "replace"`) and what the seed
 * calls. Creates the repository when missing (private unless told otherwise, so nothing leaks by
 * default) and records the tag's variables when it follows the grammar.
 */
export async function upsertImageTag(input: UpsertImageTagInput): Promise<UpsertImageTagResult> {
  const data = upsertImageTagSchema.parse(input);
  const variables = tagVariables(data.name, data.tag);
  const result = await upsertImageTagRow({
    namespace: data.namespace,
    name: data.name,
    repository: {
      category: data.repository?.category ?? defaultCategory(data.name),
      description: data.repository?.description ?? "",
      visibility: data.repository?.visibility ?? "private",
      ownerId: data.repository?.ownerId ?? null,
    },
    tag: data.tag,
    columns: tagColumns(variables),
    space: data.space,
    modelCi: data.modelCi,
    // Canonical order, so the same set is always stored the same way.
    sources: data.sources && imageSources.filter((s) => data.sources!.includes(s)),
    availableLocally: data.availableLocally,
    updatedAt: data.updatedAt,
    manifests: data.manifests,
    manifestMode: data.manifestMode,
  });
  return {
    repository: `${data.namespace}/${data.name}`,
    tag: data.tag,
    variables,
    createdRepository: result.createdRepository,
    createdTag: result.createdTag,
  };
}

export const upsertImageRepositorySchema = z.object({
  namespace: pathComponent,
  name: pathComponent,
  category: z.enum(imageCategories),
  description: z.string().max(2000),
  visibility: z.enum(imageVisibilities),
  ownerId: z.number().int().positive().nullable(),
});

/** Creates a repository or updates its category, description, visibility and owner. */
export async function upsertImageRepository(
  input: z.input<typeof upsertImageRepositorySchema>,
): Promise<number> {
  return upsertImageRepositoryRow(upsertImageRepositorySchema.parse(input));
}
