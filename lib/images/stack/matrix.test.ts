import { describe, expect, it } from "vitest";

import { seedRepositories } from "../catalog/catalog-seed";
import { expandMatrix, explainExclusion, findNode, type MatrixLayer } from "./matrix";
import { ruleIds } from "./rules";
import { parseTag, type ImageKind } from "./tags";

const matrix = expandMatrix();
const count = (layer: MatrixLayer) => ({
  nodes: matrix.nodes.filter((n) => n.layer === layer).length,
  excluded: matrix.exclusions.filter((e) => e.layer === layer).length,
});

describe("the expanded build matrix", () => {
  // Counted by hand from the spec:
  //   python    3 OS releases × 5 Pythons = 15, all valid.
  //   cann      8 releases × 3 OS releases × 5 Pythons × 5 chips = 600 candidates; valid: the six
  //             layered releases on 2 OSes (3, 3, 3, 4, 4, 4 Pythons → 42), 8.1.rc1 3 chips × 3 OSes
  //             × 2 Pythons (18), 9.0.1 5 chips × 2 OSes × 3 Pythons (30) = 90.
  //   framework (42 layered CANN + 2 OSes × 5 Pythons on CPU) × 7 framework versions = 364;
  //             valid NPU 6 + 18 + 24 + 0 + 30 + 24 = 102, CPU 2 × (15 PyTorch + 9 MindSpore) = 48.
  //   openmind  (114 PyTorch nodes × 4 stacks + 36 MindSpore nodes) × 4 openMind releases = 1968;
  //             valid: 0.7.1 / 0.8.0 / 1.0.0 three NPU + two CPU each, 0.9.1 one + one = 17.
  it("has the hand-counted number of images and exclusions per layer", () => {
    expect(count("python")).toEqual({ nodes: 15, excluded: 0 });
    expect(count("cann")).toEqual({ nodes: 90, excluded: 600 - 90 });
    expect(count("framework")).toEqual({ nodes: 150, excluded: 364 - 150 });
    expect(count("openmind")).toEqual({ nodes: 17, excluded: 1968 - 17 });
  });

  it("has exactly the openMind images the spec allows", () => {
    const tags = matrix.nodes
      .filter((n) => n.layer === "openmind")
      .map((n) => `${n.tag} ${n.arches.join(",")}`);
    expect(tags.sort()).toEqual(
      [
        "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1 arm64",
        "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-mindspore2.3.0rc1-openmind0.7.1 arm64",
        "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.7.1 arm64",
        "openeuler-python3.8-mindspore2.3.0rc1-openmind0.7.1 amd64",
        "openeuler-python3.8-pytorch2.1.0-openmind0.7.1 amd64",
        "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0 arm64",
        "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0 arm64",
        "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0 arm64",
        "openeuler-python3.9-mindspore2.3.1-openmind0.8.0 amd64",
        "openeuler-python3.9-pytorch2.1.0-openmind0.8.0 amd64",
        "openeuler-python3.10-cann8.0.rc3.beta1-mindspore2.4.0-openmind1.0.0 arm64",
        "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-mindspore2.4.0-openmind1.0.0 arm64",
        "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.9.1 arm64",
        "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0 arm64",
        "openeuler-python3.10-mindspore2.4.0-openmind1.0.0 amd64",
        "openeuler-python3.10-pytorch2.1.0-openmind0.9.1 amd64",
        "openeuler-python3.10-pytorch2.1.0-openmind1.0.0 amd64",
      ].sort(),
    );
  });

  it("links every node to a parent in the matrix, down to a Python base", () => {
    const ids = new Set(matrix.nodes.map((n) => n.id));
    expect(ids.size).toBe(matrix.nodes.length);
    for (const node of matrix.nodes) {
      if (node.layer === "python") expect(node.parent).toBeNull();
      else expect(ids.has(node.parent!)).toBe(true);
    }
    const byId = new Map(matrix.nodes.map((n) => [n.id, n]));
    const dual = byId.get(
      "openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
    )!;
    const chain: string[] = [];
    for (let id = dual.parent; id; id = byId.get(id)!.parent) chain.push(id);
    expect(chain).toEqual([
      "pytorch:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0",
      "cann:openeuler-python3.9-cann8.0.rc2.beta1",
      "python:3.9-openeuler22.03",
    ]);
    expect(byId.get("pytorch:openeuler-python3.9-pytorch2.1.0")!.parent).toBe(
      "python:3.9-openeuler22.03",
    );
    expect(byId.get("cann:9.0.1-950-openeuler24.03-py3.12")!.parent).toBe(
      "python:3.12-openeuler24.03",
    );
  });

  it("names a layered CANN image also by its Ascend-form tag", () => {
    expect(findNode("cann", "8.0.rc1-910b-ubuntu22.04-py3.8")?.tag).toBe(
      "ubuntu-python3.8-cann8.0.rc1.beta1",
    );
    expect(findNode("cann", "ubuntu-python3.8-cann8.0.rc1.beta1")?.aliases).toEqual([
      "8.0.rc1-910b-ubuntu22.04-py3.8",
    ]);
    expect(findNode("cann", "8.0.rc3.alpha002-910b-openeuler22.03-py3.9")?.tag).toBe(
      "openeuler-python3.9-cann8.0.rc3.alpha002",
    );
  });

  it("contains every seeded catalog image spelled as the spec spells it", () => {
    // openmerlin/dockerfile's spellings of 8.0.rc1.beta1 / 8.0.rc3.beta1 are valid but not the spec's names.
    const otherSpellings = [/-cann8\.0\.rc1(-|$)/, /-cann8\.0\.rc3(-|$)/];
    for (const repo of seedRepositories) {
      for (const { tag } of repo.tags) {
        if (tag === "latest" || otherSpellings.some((re) => re.test(tag))) continue;
        expect([repo.name, tag, !!findNode(repo.name as ImageKind, tag)]).toEqual([
          repo.name,
          tag,
          true,
        ]);
      }
    }
  });

  it("records the rules behind every exclusion", () => {
    const nodeIds = new Set(matrix.nodes.map((n) => n.id));
    for (const e of matrix.exclusions) {
      expect(e.violations.length).toBeGreaterThan(0);
      for (const v of e.violations) expect(ruleIds).toContain(v.rule);
      expect(nodeIds.has(`${e.repository}:${e.tag}`)).toBe(false);
    }
    const excluded = (repository: string, tag: string) =>
      matrix.exclusions
        .find((e) => e.repository === repository && e.tag === tag)
        ?.violations.map((v) => v.rule);
    expect(excluded("cann", "ubuntu-python3.11-cann8.0.rc1.beta1")).toEqual(["cann-python"]);
    expect(excluded("cann", "8.0.rc1-310p-ubuntu22.04-py3.8")).toEqual(["cann-chip"]);
    expect(excluded("cann", "9.0.1-910b-openeuler22.03-py3.11")).toEqual(["cann-os"]);
    expect(excluded("pytorch", "ubuntu-python3.9-cann8.0.rc3.beta1-pytorch2.2.0")).toEqual([
      "pytorch-cann",
    ]);
    expect(excluded("mindspore", "openeuler-python3.9-cann8.0.rc1.beta1-mindspore2.3.1")).toEqual([
      "mindspore-cann",
    ]);
    expect(
      excluded("openmind", "ubuntu-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0"),
    ).toEqual(["openmind-os"]);
    expect(
      excluded("openmind", "openeuler-python3.9-pytorch2.1.0-mindspore2.3.1-openmind0.8.0"),
    ).toEqual(["openmind-dual-npu"]);
  });

  it("explains why a combination is missing, and finds nothing to explain for a node", () => {
    expect(
      explainExclusion(
        parseTag("openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.2.0-openmind0.8.0"),
      ),
    ).toEqual([
      { rule: "openmind-framework", message: "openMind 0.8.0 supports PyTorch 2.1.0, not 2.2.0" },
    ]);
    for (const node of matrix.nodes) expect(explainExclusion(node.variables)).toEqual([]);
  });
});
