import type { RepoType } from "@/db/schema/enums";

import type { BaseModelRelation, CardMetadata } from "./metadata";

/**
 * The filter tags of a repository, derived from its card the way the HF Hub folds card fields
 * into `tags` (hf-hub-api.md §10.2): bare tags for the task, library, frameworks and (model)
 * languages, `license:…`, `dataset:…`, `base_model:…` and `base_model:<relation>:…`, `arxiv:…`
 * from paper links. Datasets use the `task_categories:…`, `size_categories:…`, `language:…` forms.
 * Hardware, an openMind label HF does not have, becomes `hardware:npu`. HF's `region:us` is left
 * out: it names the storage region of a multi-region service.
 */

const arxivLink = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/gi;

function arxivIds(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.slice(0, 200_000).matchAll(arxivLink)) {
    found.add(match[1]!);
    if (found.size >= 50) break;
  }
  return [...found];
}

/** Infers the relation to the base model when the card does not say (HF infers it too). */
function inferBaseModelRelation(metadata: CardMetadata): BaseModelRelation | null {
  if (metadata.baseModels.length === 0) return null;
  if (metadata.baseModelRelation) return metadata.baseModelRelation;
  if (metadata.baseModels.length > 1) return "merge";
  const lowerTags = metadata.tags.map((t) => t.toLowerCase());
  if (metadata.libraryName === "peft" || lowerTags.some((t) => t === "lora" || t === "peft"))
    return "adapter";
  if (lowerTags.some((t) => ["gguf", "gptq", "awq", "quantized", "int4", "int8"].includes(t)))
    return "quantized";
  return "finetune";
}

export function deriveTags(
  metadata: CardMetadata,
  options: { type: RepoType; body?: string },
): string[] {
  const tags: string[] = [...metadata.tags];
  const add = (tag: string | null) => {
    if (tag) tags.push(tag);
  };
  add(metadata.libraryName);
  add(metadata.pipelineTag);
  for (const framework of metadata.frameworks) add(framework.toLowerCase());
  for (const hardware of metadata.hardware) add(`hardware:${hardware.toLowerCase()}`);
  if (options.type === "dataset") {
    for (const task of metadata.taskCategories) add(`task_categories:${task}`);
    for (const task of metadata.taskIds) add(`task_ids:${task}`);
    for (const size of metadata.sizeCategories) add(`size_categories:${size}`);
    for (const language of metadata.languages) add(`language:${language}`);
  } else {
    for (const language of metadata.languages) add(language);
  }
  for (const dataset of metadata.datasets) add(`dataset:${dataset}`);
  const relation = inferBaseModelRelation(metadata);
  for (const base of metadata.baseModels) {
    add(`base_model:${base}`);
    if (relation) add(`base_model:${relation}:${base}`);
  }
  for (const id of arxivIds(options.body ?? "")) add(`arxiv:${id}`);
  for (const license of metadata.licenses) add(`license:${license}`);
  if (metadata.hasModelIndex) add("model-index");
  return [...new Set(tags)];
}
