// Client-safe: the code snippets of a repository page (openmind-platform.md §4.2, §4.3).
import type { CardMetadata } from "@/lib/hub/card/metadata";
import type { RepoRef } from "@/lib/hub/types";

import { cloneUrl } from "./urls";

/** openMind's pipeline takes the framework as "pt" or "ms". */
const frameworkArgument: Record<string, string> = { PyTorch: "pt", MindSpore: "ms" };

export function cloneSnippet(publicUrl: string, repo: RepoRef): string {
  return `git lfs install\ngit clone ${cloneUrl(publicUrl, repo)}`;
}

export function openmindSnippet(repo: RepoRef, metadata: CardMetadata): string {
  const id = `${repo.owner}/${repo.name}`;
  if (repo.type === "dataset") {
    return `from datasets import load_dataset\nimport openmind_datasets\n\ndataset = load_dataset("${id}")`;
  }
  const framework = metadata.frameworks.map((f) => frameworkArgument[f]).find(Boolean);
  const lines: string[] = [];
  if (metadata.pipelineTag) {
    const args = [
      `"${metadata.pipelineTag}"`,
      `model="${id}"`,
      "trust_remote_code=True",
      ...(framework ? [`framework="${framework}"`] : []),
    ];
    lines.push(
      "from openmind import pipeline",
      "",
      `pipe = pipeline(${args.join(", ")})`,
      "",
      "# or load the model and tokenizer yourself:",
    );
  }
  lines.push(
    "from openmind import AutoModel, AutoTokenizer",
    "",
    `tokenizer = AutoTokenizer.from_pretrained("${id}")`,
    `model = AutoModel.from_pretrained("${id}")`,
  );
  return lines.join("\n");
}

export function hfSnippet(publicUrl: string, repo: RepoRef): string {
  const endpoint = `${publicUrl.replace(/\/$/, "")}/hf`;
  const kind = repo.type === "dataset" ? `, repo_type="dataset"` : "";
  return [
    "import os",
    `os.environ["HF_ENDPOINT"] = "${endpoint}"  # before importing huggingface_hub`,
    "",
    "from huggingface_hub import snapshot_download",
    "",
    `path = snapshot_download("${repo.owner}/${repo.name}"${kind})`,
  ].join("\n");
}
