import { describe, expect, it } from "vitest";

import { parseCard } from "@/lib/hub/card/parse-card";

import { setFrontMatterValue } from "./front-matter-edit";

describe("setFrontMatterValue", () => {
  it("changes one key and keeps every other key, their order, comments and the body byte for byte", () => {
    const readme = [
      "---",
      "# Labels the hub filters on",
      "license: mit  # was chosen in 2024",
      "pipeline_tag: text-generation",
      "frameworks: [PyTorch, MindSpore]",
      "hardwares:",
      "  - NPU",
      "# base_model: owner/name",
      "---",
      "",
      "# Model",
      "",
      "Some *text* --- with a rule below.",
      "---",
      "",
    ].join("\n");
    const after = setFrontMatterValue(readme, "license", "apache-2.0");
    expect(after).toBe(readme.replace("license: mit", "license: apache-2.0"));
    const card = parseCard(after, { type: "model" });
    expect(card.metadata).toMatchObject({
      licenses: ["apache-2.0"],
      pipelineTag: "text-generation",
      frameworks: ["PyTorch", "MindSpore"],
      hardware: ["NPU"],
    });
    expect(card.warnings).toEqual([]);
  });

  it("adds a missing key after the others, and removes one with null", () => {
    const readme = "---\ntags: [chat]\n---\nBody\n";
    const added = setFrontMatterValue(readme, "license", "mit");
    expect(added).toBe("---\ntags: [chat]\nlicense: mit\n---\nBody\n");
    expect(setFrontMatterValue(added, "license", null)).toBe(readme);
  });

  it("gives a README without front matter one, keeping the text", () => {
    expect(setFrontMatterValue("# Title\n\nText\n", "license", "mit")).toBe(
      "---\nlicense: mit\n---\n\n# Title\n\nText\n",
    );
    expect(setFrontMatterValue("", "license", "mit")).toBe("---\nlicense: mit\n---\n");
    // Only comments in the front matter (a fresh template with placeholders): the comments stay.
    const commented = setFrontMatterValue("---\n# license: ...\n---\nBody\n", "license", "mit");
    expect(commented).toContain("# license: ...");
    expect(parseCard(commented, { type: "model" }).metadata.licenses).toEqual(["mit"]);
  });

  it("keeps Windows line endings", () => {
    const readme = "---\r\nlicense: mit\r\ntags: [a]\r\n---\r\nBody\r\n";
    expect(setFrontMatterValue(readme, "license", "bsd-3-clause")).toBe(
      "---\r\nlicense: bsd-3-clause\r\ntags: [a]\r\n---\r\nBody\r\n",
    );
  });

  it("refuses to touch invalid YAML instead of guessing", () => {
    expect(() => setFrontMatterValue("---\nlicense: [mit\n---\nBody\n", "license", "mit")).toThrow(
      /invalid/,
    );
    expect(() => setFrontMatterValue("---\n- a\n- b\n---\n", "license", "mit")).toThrow(
      /key: value/,
    );
  });
});
