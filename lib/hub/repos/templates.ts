import { stringify } from "yaml";

import type { RepoType } from "@/db/schema/enums";

/**
 * What a new repository starts with: a README card whose front matter holds the labels the hub
 * filters on (filled from the create form where known, commented placeholders otherwise), and a
 * `.gitattributes` that sends the usual weight and archive formats through LFS.
 */

export type CardDefaults = {
  license?: string;
  pipelineTag?: string;
  libraryName?: string;
  frameworks?: string[];
  hardware?: string[];
  languages?: string[];
  tags?: string[];
  taskCategories?: string[];
  sizeCategories?: string[];
};

const lfsPatterns = [
  "*.7z",
  "*.arrow",
  "*.bin",
  "*.bz2",
  "*.ckpt",
  "*.ftz",
  "*.gguf",
  "*.gz",
  "*.h5",
  "*.joblib",
  "*.lfs.*",
  "*.mindir",
  "*.mlmodel",
  "*.model",
  "*.msgpack",
  "*.npy",
  "*.npz",
  "*.om",
  "*.onnx",
  "*.ot",
  "*.parquet",
  "*.pb",
  "*.pickle",
  "*.pkl",
  "*.pt",
  "*.pth",
  "*.rar",
  "*.safetensors",
  "saved_model/**/*",
  "*.tar",
  "*.tar.*",
  "*.tflite",
  "*.tgz",
  "*.wasm",
  "*.xz",
  "*.zip",
  "*.zst",
  "*tfevents*",
];

export const defaultGitattributes = `${lfsPatterns.map((p) => `${p} filter=lfs diff=lfs merge=lfs -text`).join("\n")}\n`;

/** One front-matter entry, or a commented placeholder when there is no value. */
function field(key: string, value: string | string[] | undefined, placeholder = ""): string {
  const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  return empty ? `# ${placeholder}\n` : stringify({ [key]: value });
}

function frontMatter(fields: string[]): string {
  return `---\n${fields.join("")}---\n`;
}

function modelCard(owner: string, name: string, d: CardDefaults): string {
  const front = frontMatter([
    field("license", d.license || "apache-2.0"),
    field(
      "pipeline_tag",
      d.pipelineTag,
      "pipeline_tag: text-generation  # the task, e.g. text-generation, image-classification",
    ),
    field(
      "library_name",
      d.libraryName,
      "library_name: transformers  # transformers, openmind, mindformers, peft …",
    ),
    field("frameworks", d.frameworks, "frameworks: [PyTorch]  # PyTorch, MindSpore, PaddlePaddle"),
    field("hardwares", d.hardware, "hardwares: [NPU]  # NPU, GPU, CPU"),
    field("language", d.languages, "language: [en, zh]"),
    field("tags", d.tags, "tags: []"),
    "# datasets: []\n",
    "# base_model: owner/name\n",
  ]);
  return `${front}
# ${name}

Describe the model here: what it does, how it was trained and what it is meant for.

## How to use

\`\`\`python
from openmind import AutoModel, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("${owner}/${name}")
model = AutoModel.from_pretrained("${owner}/${name}")
\`\`\`

## Training data

## Evaluation

## Limitations
`;
}

function datasetCard(owner: string, name: string, d: CardDefaults): string {
  const front = frontMatter([
    field("license", d.license || "apache-2.0"),
    field("task_categories", d.taskCategories, "task_categories: [text-classification]"),
    field("language", d.languages, "language: [en, zh]"),
    field("size_categories", d.sizeCategories, "size_categories: [1K<n<10K]"),
    field("tags", d.tags, "tags: []"),
    `# pretty_name: ${name}\n`,
  ]);
  return `${front}
# ${name}

Describe the dataset here: where the data comes from, what is in it and how it was collected.

## Dataset structure

## Usage

\`\`\`python
from datasets import load_dataset
import openmind_datasets

dataset = load_dataset("${owner}/${name}")
\`\`\`
`;
}

export function readmeTemplate(
  type: RepoType,
  owner: string,
  name: string,
  defaults: CardDefaults = {},
): string {
  if (type === "dataset") return datasetCard(owner, name, defaults);
  return modelCard(owner, name, defaults);
}
