import { describe, expect, it } from "vitest";

import { facetValueLabel, taskLabel } from "./labels";

describe("facetValueLabel", () => {
  it("names tasks and languages in the reader's language, as the cards do", () => {
    expect(facetValueLabel("task", "text-generation", "zh")).toBe("文本生成");
    expect(facetValueLabel("task", "text-generation", "zh")).toBe(
      taskLabel("text-generation", "zh"),
    );
    expect(facetValueLabel("task", "text-generation", "en")).toBe("Text Generation");
    expect(facetValueLabel("language", "zh", "zh")).toBe("中文");
    expect(facetValueLabel("language", "en", "zh")).toBe("英语");
    expect(facetValueLabel("language", "zh", "en")).toBe("Chinese");
  });

  it("keeps labels without a translation as written", () => {
    expect(facetValueLabel("task", "npu-kernel-tuning", "zh")).toBe("NPU Kernel Tuning");
    expect(facetValueLabel("language", "not a tag!", "zh")).toBe("not a tag!");
    expect(facetValueLabel("framework", "MindSpore", "zh")).toBe("MindSpore");
    expect(facetValueLabel("license", "apache-2.0", "zh")).toBe("apache-2.0");
    expect(facetValueLabel("tag", "qwen", "zh")).toBe("qwen");
  });
});
