import { describe, expect, it } from "vitest";

import { listFromText, readCardFields, writeCardField } from "./card-fields";
import { cardYamlProblem } from "./card-yaml-problem";

describe("the card metadata form", () => {
  it("writes each field under its card key, keeping the body and other keys", () => {
    let readme = "---\nlicense: mit # ours\nfoo: bar\n---\n# Title\n\nBody.\n";
    readme = writeCardField(readme, "model", "task", "text-generation");
    readme = writeCardField(readme, "model", "tags", listFromText("qwen, ascend-910b, qwen"));
    readme = writeCardField(readme, "model", "frameworks", ["PyTorch"]);
    readme = writeCardField(readme, "model", "datasets", ["alice/data"]);
    readme = writeCardField(readme, "model", "license", "apache-2.0");
    expect(readme).toBe(
      "---\nlicense: apache-2.0 # ours\nfoo: bar\npipeline_tag: text-generation\ntags:\n  - qwen\n  - ascend-910b\nframeworks:\n  - PyTorch\ndatasets:\n  - alice/data\n---\n# Title\n\nBody.\n",
    );
    expect(cardYamlProblem({ type: "model", path: "README.md", content: readme })).toBeNull();
    expect(readCardFields(readme, "model")).toMatchObject({
      license: "apache-2.0",
      task: "text-generation",
      tags: ["qwen", "ascend-910b"],
      frameworks: ["PyTorch"],
      datasets: ["alice/data"],
    });
  });

  it("keeps an alias key, removes a key when emptied, and writes a dataset's task as task_categories", () => {
    const readme = writeCardField(
      "---\ntask: fill-mask\ntags: [a]\n---\n",
      "model",
      "task",
      "translation",
    );
    expect(readme).toBe("---\ntask: translation\ntags: [a]\n---\n");
    expect(writeCardField(readme, "model", "tags", [])).toBe("---\ntask: translation\n---\n");
    expect(writeCardField("# Data\n", "dataset", "task", "summarization")).toBe(
      "---\ntask_categories:\n  - summarization\n---\n\n# Data\n",
    );
  });

  it("refuses to change a README whose YAML cannot be read", () => {
    expect(() => writeCardField("---\ntags: [a\n---\n", "model", "license", "mit")).toThrow(
      /YAML front matter is invalid/,
    );
  });
});
