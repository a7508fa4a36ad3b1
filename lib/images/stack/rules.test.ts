import { describe, expect, it } from "vitest";

import { seedRepositories } from "../catalog/catalog-seed";
import { archesFor, checkCompatibility, findRule, rules } from "./rules";
import { findCannRelease } from "./spec";
import { resolveConfig } from "./stack";
import { parseTag, type ImageKind } from "./tags";

const violationsOf = (tag: string, repository?: ImageKind) =>
  checkCompatibility(resolveConfig(parseTag(tag, repository)));
const rulesOf = (tag: string, repository?: ImageKind) =>
  violationsOf(tag, repository).map((v) => v.rule);

describe("compatibility rules", () => {
  it("have unique ids, a title and an explanation", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(findRule(rule.id)).toBe(rule);
    }
  });

  it("accept every seeded catalog tag that follows the grammar", () => {
    for (const repo of seedRepositories) {
      for (const { tag } of repo.tags.filter((t) => t.tag !== "latest")) {
        expect([tag, violationsOf(tag, repo.name as ImageKind)]).toEqual([tag, []]);
      }
    }
  });

  it.each<[string, string | string[], RegExp]>([
    [
      "8.1.rc1-910b-openeuler20.03-py3.10",
      ["known-version", "cann-os"],
      /openEuler 20.03 is not an OS release/,
    ],
    [
      "ubuntu-python3.7-cann8.0.rc1.beta1",
      ["known-version", "cann-python"],
      /Python 3.7 is not a Python release/,
    ],
    [
      "ubuntu-python3.9-cann8.0.rc9.beta1",
      "known-version",
      /CANN 8.0.rc9.beta1 is not a CANN release/,
    ],
    [
      "ubuntu-python3.9-cann8.0.rc2.beta1-pytorch2.9.0",
      "known-version",
      /PyTorch 2.9.0 is not in the stack spec/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-openmind0.6.0",
      "known-version",
      /openMind 0.6.0 is not in the stack spec/,
    ],
    ["ubuntu-python3.10-cann9.0.1", "cann-naming", /only in the Ascend form/],
    [
      "ubuntu-python3.10-cann9.0.1-pytorch2.1.0",
      ["cann-naming", "pytorch-cann"],
      /only in the Ascend form/,
    ],
    ["8.0.rc2.beta1-910b-ubuntu22.04-py3.9", "cann-naming", /spells this release 8.0.rc2/],
    [
      "ubuntu-python3.11-cann8.0.rc1.beta1",
      "cann-python",
      /CANN 8.0.rc1.beta1 supports Python 3.8, 3.9, 3.10, not 3.11/,
    ],
    [
      "9.0.1-910b-openeuler22.03-py3.10",
      "cann-os",
      /published for ubuntu22.04, openeuler24.03, not openeuler22.03/,
    ],
    ["8.1.rc1-950-ubuntu22.04-py3.10", "cann-chip", /ships operators for 910b, 310p, a3, not 950/],
    ["8.0.rc1-310p-ubuntu22.04-py3.8", "cann-chip", /not 310p/],
    [
      "ubuntu-python3.9-cann8.0.rc3.beta1-pytorch2.2.0",
      "pytorch-cann",
      /no torch_npu for PyTorch 2.2.0 on CANN 8.0.rc3.beta1/,
    ],
    [
      "ubuntu-python3.9-cann8.0.rc2.beta1-mindspore2.3.0rc1",
      "mindspore-cann",
      /MindSpore 2.3.0rc1 needs CANN 8.0.rc1.beta1, not CANN 8.0.rc2.beta1/,
    ],
    [
      "openeuler-python3.12-pytorch2.2.0",
      "framework-python",
      /PyTorch 2.2.0 supports Python 3.8, 3.9, 3.10, not 3.12/,
    ],
    [
      "openeuler-python3.8-mindspore2.4.0",
      "framework-python",
      /MindSpore 2.4.0 supports Python 3.9, 3.10, 3.11, not 3.8/,
    ],
    [
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.2.0-openmind0.8.0",
      "openmind-framework",
      /openMind 0.8.0 supports PyTorch 2.1.0, not 2.2.0/,
    ],
    [
      "openeuler-python3.10-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      "openmind-python",
      /openMind 0.8.0 images use Python 3.9, not 3.10/,
    ],
    [
      "openeuler-python3.9-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.8.0",
      "openmind-cann",
      /use CANN 8.0.rc2.beta1, not CANN 8.0.rc3.beta1/,
    ],
    [
      "ubuntu-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      "openmind-os",
      /built on openEuler, not Ubuntu/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
      "openmind-dual-npu",
      /NPU only/,
    ],
  ])("%s breaks %s", (tag, rule, message) => {
    const violations = violationsOf(tag);
    expect(violations.map((v) => v.rule)).toEqual(Array.isArray(rule) ? rule : [rule]);
    expect(violations[0]!.message).toMatch(message);
  });

  it("reports every rule a combination breaks", () => {
    expect(rulesOf("ubuntu-python3.11-cann8.0.rc3.beta1-pytorch2.2.0")).toEqual([
      "framework-python",
      "pytorch-cann",
    ]);
    expect(
      rulesOf("ubuntu-python3.11-cann8.0.rc1.beta1-mindspore2.4.0-openmind0.9.1", "openmind"),
    ).toEqual([
      "cann-python",
      "mindspore-cann",
      "openmind-framework",
      "openmind-python",
      "openmind-cann",
      "openmind-os",
    ]);
  });

  it("checks CPU against NPU: an NPU image needs CANN, a CPU one has none", () => {
    const cpu = resolveConfig(parseTag("openeuler-python3.9-pytorch2.1.0"));
    expect(checkCompatibility({ ...cpu, hardware: "npu" }).map((v) => v.rule)).toEqual([
      "npu-needs-cann",
    ]);
    const npu = resolveConfig(parseTag("ubuntu-python3.9-cann8.0.rc2.beta1-pytorch2.1.0"));
    expect(checkCompatibility({ ...npu, hardware: "cpu" }).map((v) => v.rule)).toEqual([
      "npu-needs-cann",
    ]);
  });

  it("knows a CANN release by every spelling tags use", () => {
    expect(findCannRelease("8.0.rc2.beta1")?.version).toBe("8.0.rc2.beta1");
    expect(findCannRelease("8.0.rc2")?.version).toBe("8.0.rc2.beta1");
    expect(findCannRelease("8.0.rc3")?.version).toBe("8.0.rc3.beta1");
    expect(findCannRelease("8.0.rc3.alpha002")?.version).toBe("8.0.rc3.alpha002");
    expect(findCannRelease("8.0.rc4")).toBeUndefined();
  });

  it("builds openMind NPU images for arm64, CPU ones for amd64, other layers for both", () => {
    const arches = (tag: string) => archesFor(resolveConfig(parseTag(tag)));
    expect(arches("openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0")).toEqual([
      "arm64",
    ]);
    expect(arches("openeuler-python3.9-pytorch2.1.0-openmind0.8.0")).toEqual(["amd64"]);
    expect(arches("ubuntu-python3.9-cann8.0.rc2.beta1-pytorch2.1.0")).toEqual(["amd64", "arm64"]);
  });
});
