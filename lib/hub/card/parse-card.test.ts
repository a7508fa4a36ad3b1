import { describe, expect, it } from "vitest";

import { readmeTemplate } from "@/lib/hub/repos/templates";

import { splitFrontMatter } from "./front-matter";
import { parseCard } from "./parse-card";

const modelCard = `---
license: Apache-2.0
language:
  - en
  - zh
library_name: transformers
pipeline_tag: text-generation
tags:
  - llm
  - npu
frameworks: [pytorch, MindSpore]
datasets:
  - wikipedia
  - openmind/alpaca_zh
base_model: Qwen/Qwen2.5-7B
model-index:
  - name: x
---

# My model

See https://arxiv.org/abs/2407.10671 for details.
`;

describe("parseCard", () => {
  it("normalises a model card and derives HF-style filter tags", () => {
    const card = parseCard(modelCard, { type: "model" });
    expect(card.warnings).toEqual([]);
    expect(card.metadata).toMatchObject({
      licenses: ["apache-2.0"],
      languages: ["en", "zh"],
      libraryName: "transformers",
      pipelineTag: "text-generation",
      frameworks: ["PyTorch", "MindSpore"],
      hardware: ["NPU"],
      datasets: ["wikipedia", "openmind/alpaca_zh"],
      baseModels: ["Qwen/Qwen2.5-7B"],
      hasModelIndex: true,
    });
    expect(card.tags).toEqual([
      "llm",
      "npu",
      "transformers",
      "text-generation",
      "pytorch",
      "mindspore",
      "hardware:npu",
      "en",
      "zh",
      "dataset:wikipedia",
      "dataset:openmind/alpaca_zh",
      "base_model:Qwen/Qwen2.5-7B",
      "base_model:finetune:Qwen/Qwen2.5-7B",
      "arxiv:2407.10671",
      "license:apache-2.0",
      "model-index",
    ]);
    expect(card.body.startsWith("# My model")).toBe(true);
    expect(card.data["library_name"]).toBe("transformers");
  });

  it("reads openMind-style label keys (task, hardwares, license list) and keeps `no` a string", () => {
    const card = parseCard(
      "---\ntask: image-classification\nlicense: [mit, other]\nhardwares: Ascend\nlanguage: no\n---\nbody",
      { type: "model" },
    );
    expect(card.metadata).toMatchObject({
      pipelineTag: "image-classification",
      licenses: ["mit", "other"],
      hardware: ["NPU"],
      languages: ["no"],
    });
    expect(card.tags).toContain("license:other");
  });

  it("derives dataset tags in the dataset forms", () => {
    const card = parseCard(
      "---\nlicense: cc-by-4.0\ntask_categories: [text-classification]\nsize_categories: [1K<n<10K]\nlanguage: [zh]\npretty_name: Demo\n---\n",
      { type: "dataset" },
    );
    expect(card.metadata.prettyName).toBe("Demo");
    expect(card.tags).toEqual([
      "task_categories:text-classification",
      "size_categories:1K<n<10K",
      "language:zh",
      "license:cc-by-4.0",
    ]);
  });

  it("infers merge and adapter base-model relations", () => {
    expect(parseCard("---\nbase_model: [a/b, c/d]\n---\n", { type: "model" }).tags).toContain(
      "base_model:merge:a/b",
    );
    expect(
      parseCard("---\nbase_model: a/b\nlibrary_name: peft\n---\n", { type: "model" }).tags,
    ).toContain("base_model:adapter:a/b");
    expect(
      parseCard("---\nbase_model: a/b\nbase_model_relation: quantized\n---\n", { type: "model" })
        .tags,
    ).toContain("base_model:quantized:a/b");
  });

  it.each([
    [
      "a broken flow list",
      "---\nlicense: [mit\ntags: x\n---\n# Title\n",
      "invalid (line 3 of the README): Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["a scalar instead of a mapping", "---\njust text\n---\n# Title\n", "key: value"],
    ["duplicate keys", "---\nlicense: mit\nlicense: apache-2.0\n---\n# Title\n", "invalid"],
    ["an unclosed block", "---\nlicense: mit\n# Title\n", "no closing"],
  ])("tolerates %s: warning, empty metadata, body kept", (what, text, warning) => {
    const card = parseCard(text, { type: "model" });
    expect(card.warnings.join(" ")).toContain(warning);
    // Unreadable front matter is also an error (uploads refuse it); an unclosed block is text.
    expect(card.errors).toEqual(what === "an unclosed block" ? [] : card.warnings);
    expect(card.metadata.licenses).toEqual([]);
    expect(card.body).toContain("# Title");
  });

  it("warns about unusable values and keeps the rest", () => {
    const card = parseCard(
      "---\nlicense: Apache License 2.0\ntags: [ok, {nested: map}]\ndatasets: ['../../etc']\n---\n",
      { type: "model" },
    );
    expect(card.metadata.licenses).toEqual([]);
    expect(card.metadata.tags).toEqual(["ok"]);
    expect(card.metadata.datasets).toEqual([]);
    expect(card.warnings).toHaveLength(3);
    expect(card.errors).toEqual([]);
  });

  it("survives alias bombs", () => {
    const bomb = `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n`;
    const card = parseCard(bomb, { type: "model" });
    expect(card.warnings.length).toBeGreaterThan(0);
    expect(card.data).toEqual({});
  });

  it("handles a README without front matter", () => {
    const card = parseCard("# Just markdown\n\n---\n\nwith a rule", { type: "model" });
    expect(card).toMatchObject({
      data: {},
      tags: [],
      warnings: [],
      body: "# Just markdown\n\n---\n\nwith a rule",
    });
  });

  it("parses every template it creates without warnings", () => {
    for (const type of ["model", "dataset", "space"] as const) {
      const card = parseCard(
        readmeTemplate(type, "org", "demo", {
          license: "mit",
          frameworks: ["PyTorch"],
          hardware: ["NPU"],
        }),
        { type },
      );
      expect(card.warnings, type).toEqual([]);
      expect(card.metadata.licenses, type).toEqual(["mit"]);
    }
    const model = parseCard(
      readmeTemplate("model", "org", "demo", { frameworks: ["MindSpore"], hardware: ["NPU"] }),
      { type: "model" },
    );
    expect(model.tags).toEqual(["mindspore", "hardware:npu", "license:apache-2.0"]);
  });
});

describe("splitFrontMatter", () => {
  it("handles CRLF, a BOM and the `...` terminator", () => {
    expect(splitFrontMatter("\uFEFF---\r\na: 1\r\n...\r\nbody")).toEqual({
      yaml: "a: 1",
      body: "body",
      bodyLine: 4,
      unclosed: false,
    });
  });
});
