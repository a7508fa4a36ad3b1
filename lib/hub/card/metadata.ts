import { canonical, ids, pick, singleString, stringList, type Warn } from "./normalize";

/** The card labels the hub shows and filters on (openMind's label fields plus HF's card keys). */
export type CardMetadata = {
  licenses: string[];
  licenseName: string | null;
  licenseLink: string | null;
  /** The task (`pipeline_tag`, or openMind's `task`). */
  pipelineTag: string | null;
  libraryName: string | null;
  tags: string[];
  languages: string[];
  datasets: string[];
  baseModels: string[];
  /** The models a Space uses (`models:` in a Space card). */
  models: string[];
  baseModelRelation: BaseModelRelation | null;
  /** Canonical names such as PyTorch, MindSpore, PaddlePaddle. */
  frameworks: string[];
  /** NPU, GPU, CPU. */
  hardware: string[];
  metrics: string[];
  hasModelIndex: boolean;
  // Dataset cards
  prettyName: string | null;
  taskCategories: string[];
  taskIds: string[];
  sizeCategories: string[];
};

const baseModelRelations = ["adapter", "merge", "quantized", "finetune"] as const;
export type BaseModelRelation = (typeof baseModelRelations)[number];

const frameworkNames: Record<string, string> = {
  pytorch: "PyTorch",
  torch: "PyTorch",
  mindspore: "MindSpore",
  paddlepaddle: "PaddlePaddle",
  paddle: "PaddlePaddle",
  tensorflow: "TensorFlow",
  tf: "TensorFlow",
  jax: "JAX",
  flax: "JAX",
  onnx: "ONNX",
};

const hardwareNames: Record<string, string> = {
  npu: "NPU",
  ascend: "NPU",
  gpu: "GPU",
  cuda: "GPU",
  cpu: "CPU",
};

const licenseId = /^[a-z0-9][a-z0-9.+_-]{0,63}$/;
const taskId = /^[a-z0-9][a-z0-9-]{0,63}$/;
const libraryId = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const languageId = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/;
// Repo ids such as "bert-base-uncased" or "owner/name".
const repoId = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

function repoIds(values: string[], key: string, warn: Warn): string[] {
  return values.filter((value) => {
    if (repoId.test(value) && value.length <= 200) return true;
    warn(`"${key}": "${value}" is not a repository id (owner/name) and was ignored.`);
    return false;
  });
}

/** Names from `tags` that are really frameworks or hardware (`pytorch`, `npu`), so cards that only tag them still get the label. */
function fromTags(tags: string[], names: Record<string, string>): string[] {
  return tags.flatMap((tag) => names[tag.toLowerCase()] ?? []);
}

export function normalizeCardData(data: Record<string, unknown>, warn: Warn): CardMetadata {
  const list = (keys: string[]) => {
    const [key, value] = pick(data, keys);
    return stringList(value, key, warn);
  };
  const single = (keys: string[]) => {
    const [key, value] = pick(data, keys);
    return singleString(value, key, warn);
  };

  const tags = list(["tags"]);
  const pipelineTag = single(["pipeline_tag", "task"]);
  const libraryName = single(["library_name"]);
  const relation = single(["base_model_relation"])?.toLowerCase() ?? null;
  if (relation && !(baseModelRelations as readonly string[]).includes(relation)) {
    warn(`"base_model_relation" should be one of ${baseModelRelations.join(", ")}.`);
  }

  return {
    licenses: ids(list(["license", "licenses"]), "license", licenseId, warn),
    licenseName: single(["license_name"]),
    licenseLink: single(["license_link"]),
    pipelineTag: pipelineTag ? (ids([pipelineTag], "pipeline_tag", taskId, warn)[0] ?? null) : null,
    libraryName: libraryName
      ? (ids([libraryName], "library_name", libraryId, warn)[0] ?? null)
      : null,
    tags,
    languages: ids(list(["language", "languages"]), "language", languageId, warn),
    datasets: repoIds(list(["datasets"]), "datasets", warn),
    baseModels: repoIds(list(["base_model"]), "base_model", warn),
    models: repoIds(list(["models"]), "models", warn),
    baseModelRelation: (baseModelRelations as readonly string[]).includes(relation ?? "")
      ? (relation as BaseModelRelation)
      : null,
    frameworks: canonical(
      [...list(["frameworks", "framework"]), ...fromTags(tags, frameworkNames)],
      frameworkNames,
    ),
    hardware: canonical(
      [...list(["hardwares", "hardware"]), ...fromTags(tags, hardwareNames)],
      hardwareNames,
    ),
    metrics: list(["metrics"]),
    hasModelIndex: data["model-index"] !== undefined,
    prettyName: single(["pretty_name"]),
    taskCategories: ids(list(["task_categories"]), "task_categories", taskId, warn),
    taskIds: ids(list(["task_ids"]), "task_ids", taskId, warn),
    sizeCategories: list(["size_categories"]),
  };
}
