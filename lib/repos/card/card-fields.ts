// Client-safe: the card metadata form reads a README's labels and writes them back as front matter.
import { parse } from "yaml";

import type { RepoType } from "@/db/schema/enums";
import { splitFrontMatter } from "@/lib/hub/card/front-matter";
import { parseCard } from "@/lib/hub/card/parse-card";

import { setFrontMatterValue } from "./front-matter-edit";

export type CardField =
  | "license"
  | "task"
  | "library"
  | "frameworks"
  | "hardware"
  | "languages"
  | "datasets"
  | "baseModels"
  | "tags";

type CardFieldValues = Record<"license" | "task" | "library", string> &
  Record<Exclude<CardField, "license" | "task" | "library">, string[]>;

/** The fields the form offers for a kind (a dataset card has no library, weights or base model). */
export function cardFieldsFor(type: RepoType): CardField[] {
  return type === "model"
    ? [
        "license",
        "task",
        "library",
        "frameworks",
        "hardware",
        "languages",
        "datasets",
        "baseModels",
        "tags",
      ]
    : ["license", "task", "languages", "tags"];
}

/**
 * The YAML keys a field may be written under, the parser's order, and the one a new value gets
 * (the first). An existing alias (`task:` for `pipeline_tag:`) is kept so no duplicate appears.
 */
function keysOf(type: RepoType, field: CardField): { keys: string[]; list: boolean } {
  switch (field) {
    case "license":
      return { keys: ["license", "licenses"], list: false };
    case "task":
      return type === "dataset"
        ? { keys: ["task_categories"], list: true }
        : { keys: ["pipeline_tag", "task"], list: false };
    case "library":
      return { keys: ["library_name"], list: false };
    case "frameworks":
      return { keys: ["frameworks", "framework"], list: true };
    case "hardware":
      return { keys: ["hardware", "hardwares"], list: true };
    case "languages":
      return { keys: ["language", "languages"], list: true };
    case "datasets":
      return { keys: ["datasets"], list: true };
    case "baseModels":
      return { keys: ["base_model"], list: true };
    case "tags":
      return { keys: ["tags"], list: true };
  }
}

/** The form's values from a README (empty for labels it does not have). */
export function readCardFields(readme: string, type: RepoType): CardFieldValues {
  const m = parseCard(readme, { type }).metadata;
  return {
    license: m.licenses[0] ?? "",
    task: (type === "dataset" ? m.taskCategories[0] : m.pipelineTag) ?? "",
    library: m.libraryName ?? "",
    frameworks: m.frameworks,
    hardware: m.hardware,
    languages: m.languages,
    datasets: m.datasets,
    baseModels: m.baseModels,
    tags: m.tags,
  };
}

function presentKeys(readme: string): Set<string> {
  const { yaml } = splitFrontMatter(readme);
  try {
    const data: unknown = yaml === null ? null : parse(yaml);
    return new Set(data && typeof data === "object" ? Object.keys(data) : []);
  } catch {
    return new Set();
  }
}

/** A comma-separated list as the form's text inputs take it: trimmed, no empties, no repeats. */
export function listFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The README with one field set (an empty value removes its key). Other keys, comments and the
 * body are kept; throws the front-matter editor's error when the YAML cannot be read.
 */
export function writeCardField(
  readme: string,
  type: RepoType,
  field: CardField,
  value: string | string[],
): string {
  const { keys, list } = keysOf(type, field);
  const present = presentKeys(readme);
  const key = keys.find((k) => present.has(k)) ?? keys[0]!;
  const values = Array.isArray(value) ? value : value.trim() ? [value.trim()] : [];
  const written = values.length === 0 ? null : list ? values : values[0]!;
  return setFrontMatterValue(readme, key, written);
}
