import { describe, expect, it } from "vitest";

import { seedRepositories } from "../catalog/catalog-seed";
import { expandMatrix } from "./matrix";
import {
  formatTag,
  parseImageReference,
  parseTag,
  TagGrammarError,
  type ImageKind,
  type ImageVariables,
} from "./tags";

const seeded = seedRepositories.flatMap((r) =>
  r.tags.map((t) => ({ repository: r.name as ImageKind, tag: t.tag })),
);
const grammarTags = seeded.filter((t) => t.tag !== "latest");

function errorOf(run: () => unknown): TagGrammarError {
  try {
    run();
  } catch (error) {
    if (error instanceof TagGrammarError) return error;
    throw error;
  }
  throw new Error("expected a TagGrammarError");
}

describe("tag grammar round trips", () => {
  it("formats every catalog tag back to itself", () => {
    expect(grammarTags.length).toBeGreaterThan(30);
    for (const { repository, tag } of grammarTags) {
      const v = parseTag(tag, repository);
      expect(v.image).toBe(repository);
      expect(formatTag(v)).toBe(tag);
      // Without the repository, the tag's shape names it.
      expect(parseTag(tag)).toEqual(v);
    }
  });

  it("keeps latest out of the grammar: it is the only seeded tag that names no variables", () => {
    const outside = seeded.filter(({ repository, tag }) => {
      try {
        parseTag(tag, repository);
        return false;
      } catch {
        return true;
      }
    });
    expect(outside).toEqual([
      { repository: "cann", tag: "latest" },
      { repository: "openmind", tag: "latest" },
    ]);
  });

  it("parses every variable set of the expanded matrix back to itself, aliases included", () => {
    const { nodes } = expandMatrix();
    for (const node of nodes) {
      expect(parseTag(formatTag(node.variables), node.repository)).toEqual(node.variables);
      for (const alias of node.aliases)
        expect(formatTag(parseTag(alias, node.repository))).toBe(alias);
    }
  });
});

describe("parseTag", () => {
  it("reads a layered NPU openMind tag with both frameworks", () => {
    expect(
      parseTag("openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0"),
    ).toEqual({
      image: "openmind",
      os: "openeuler",
      osVersion: null,
      python: "3.9",
      cann: "8.0.rc2.beta1",
      chip: null,
      frameworks: [
        { name: "pytorch", version: "2.1.0" },
        { name: "mindspore", version: "2.3.1" },
      ],
      openmind: "0.8.0",
      hardware: "npu",
      devel: false,
    });
  });

  it("reads a CPU tag (no cann part) as a CPU image", () => {
    const v = parseTag("openeuler-python3.8-mindspore2.3.0rc1", "mindspore");
    expect(v).toMatchObject({
      cann: null,
      hardware: "cpu",
      frameworks: [{ name: "mindspore", version: "2.3.0rc1" }],
    });
  });

  it("reads the Ascend form with OS release, chip and -devel", () => {
    expect(parseTag("8.1.rc1-910b-openeuler22.03-py3.11")).toMatchObject({
      image: "cann",
      cann: "8.1.rc1",
      chip: "910b",
      os: "openeuler",
      osVersion: "22.03",
      python: "3.11",
      devel: false,
    });
    expect(parseTag("9.0.0-beta.1-a3-ubuntu22.04-py3.11-devel", "cann")).toMatchObject({
      cann: "9.0.0-beta.1",
      chip: "a3",
      devel: true,
    });
    expect(parseTag("8.0.rc3.alpha002-310p-ubuntu22.04-py3.10")).toMatchObject({
      cann: "8.0.rc3.alpha002",
      chip: "310p",
    });
  });

  it("reads the Python base form", () => {
    expect(parseTag("3.10-ubuntu22.04")).toMatchObject({
      image: "python",
      python: "3.10",
      os: "ubuntu",
      osVersion: "22.04",
    });
  });
});

describe("malformed tags are refused with the part that is wrong", () => {
  it.each<[string, ImageKind | undefined, string, RegExp]>([
    ["", undefined, "tag", /the tag is empty/],
    ["a".repeat(129), undefined, "tag", /at most 128/],
    ["openeuler python3.9", undefined, "tag", /characters a tag cannot have/],
    ["ubuntu-python3.8-cann8.0.RC1", undefined, "tag", /lower-case/],
    ["openeuler--python3.9-cann8.0.rc2.beta1", undefined, "tag", /empty part/],
    ["openeuler-python3.9-cann8.0.rc2.beta1-", undefined, "tag", /empty part/],
    ["latest", "openmind", "tag", /moving alias/],
    // OS
    ["debian-python3.9-cann8.0.rc2.beta1", undefined, "os", /os part "debian" is not a known OS/],
    ["ubuntu22.04-python3.9-cann8.0.rc2.beta1", undefined, "os", /must be just the OS name/],
    ["2.1.0", "pytorch", "os", /pytorch tags start with the OS/],
    // Python
    [
      "openeuler-python3.x-cann8.0.rc2.beta1",
      undefined,
      "python",
      /python part "python3.x" is not a version/,
    ],
    [
      "openeuler-python3-cann8.0.rc2.beta1",
      undefined,
      "python",
      /python part "python3" is not a version/,
    ],
    ["openeuler-python3.9.1-cann8.0.rc2.beta1", undefined, "python", /is not a version/],
    ["openeuler", "cann", "python", /missing the python part/],
    // CANN
    ["openeuler-python3.9-cann8.0", undefined, "cann", /cann part "cann8.0" is not a version/],
    ["openeuler-python3.9-cann8.0.rc2.gamma1", undefined, "cann", /is not a version/],
    ["openeuler-python3.9-cann", undefined, "cann", /is not a version/],
    ["openeuler-python3.9-pytorch2.1.0", "cann", "cann", /cann tags need a cann part/],
    ["8.x.rc1-910b-ubuntu22.04-py3.10", undefined, "cann", /cann part "8.x.rc1" is not a version/],
    // Frameworks and openMind
    [
      "openeuler-python3.9-pytorch2.1",
      undefined,
      "framework",
      /framework part "pytorch2.1" is not a version/,
    ],
    ["openeuler-python3.9-mindspore2.3.1x", undefined, "framework", /is not a version/],
    [
      "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0",
      "mindspore",
      "framework",
      /mindspore tags end with one mindspore part/,
    ],
    [
      "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.8.0",
      "pytorch",
      "openmind",
      /pytorch tags have no openmind part/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-pytorch2.2.0-openmind0.8.0",
      undefined,
      "framework",
      /appears twice/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-mindspore2.3.1",
      undefined,
      "openmind",
      /needs an openmind part/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0",
      "openmind",
      "openmind",
      /openmind tags end with the openmind part/,
    ],
    [
      "openeuler-python3.9-cann8.0.rc2.beta1-openmind0.8.0",
      "openmind",
      "framework",
      /name pytorch and\/or mindspore/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-openmind0.8",
      undefined,
      "openmind",
      /openmind part "openmind0.8" is not a version/,
    ],
    // Order
    ["python3.9-openeuler-cann8.0.rc2.beta1", undefined, "order", /starts with the OS/],
    [
      "openeuler-cann8.0.rc2.beta1-python3.9",
      undefined,
      "order",
      /expected the python part after the OS, found "cann8.0.rc2.beta1"/,
    ],
    [
      "openeuler-python3.9-mindspore2.3.1-pytorch2.1.0-openmind0.8.0",
      undefined,
      "order",
      /PyTorch first, then MindSpore/,
    ],
    [
      "openeuler-python3.9-pytorch2.1.0-cann8.0.rc2.beta1-openmind0.8.0",
      undefined,
      "order",
      /"cann8.0.rc2.beta1" is out of order/,
    ],
    [
      "openeuler-python3.9-openmind0.8.0-pytorch2.1.0",
      undefined,
      "order",
      /"pytorch2.1.0" is out of order/,
    ],
    [
      "openeuler-python3.9-python3.10-cann8.0.rc2.beta1",
      undefined,
      "order",
      /expected|out of order/,
    ],
    // Trailing junk
    [
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0-extra",
      undefined,
      "tag",
      /unexpected "extra"/,
    ],
    ["openeuler-python3.9-cann8.0.rc2.beta1-foo", undefined, "tag", /unexpected "foo"/],
    ["8.1.rc1-910b-openeuler22.03-py3.11-devel-x", undefined, "tag", /unexpected "x"/],
    ["3.10-ubuntu22.04-extra", undefined, "tag", /unexpected "extra"/],
    // The Ascend form
    ["8.0.rc1", undefined, "chip", /missing the chip part/],
    ["8.1.rc1-911-ubuntu22.04-py3.10", undefined, "chip", /chip part "911" is not a known chip/],
    ["8.1.rc1-910b", undefined, "os", /missing the OS part/],
    ["8.1.rc1-910b-ubuntu-py3.10", undefined, "os", /needs the OS version/],
    ["8.1.rc1-910b-ubuntu22-py3.10", undefined, "os", /not a version/],
    ["8.1.rc1-910b-centos7.9-py3.10", undefined, "os", /not a known OS/],
    ["8.1.rc1-910b-ubuntu22.04", undefined, "python", /missing the python part/],
    [
      "8.1.rc1-910b-ubuntu22.04-python3.10",
      undefined,
      "python",
      /python part "python3.10" is not a version/,
    ],
    [
      "8.1.rc1-910b-ubuntu22.04-px3.10",
      undefined,
      "python",
      /python part "px3.10" is not a version/,
    ],
    ["8.1.rc1-910b-ubuntu22.04-py3", undefined, "python", /python part "py3" is not a version/],
    // The Python base form
    ["3.10-ubuntu", "python", "os", /needs the OS version/],
    ["ubuntu-python3.10", "python", "python", /python tags look like/],
  ])("%j (repository %s) → %s", (tag, repository, part, message) => {
    const error = errorOf(() => parseTag(tag, repository));
    expect(error.part).toBe(part);
    expect(error.message).toMatch(message);
  });
});

describe("formatTag", () => {
  const npu = parseTag("openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0");

  it("refuses variables that no tag expresses exactly", () => {
    const broken: ImageVariables[] = [
      { ...npu, hardware: "cpu" },
      { ...npu, osVersion: "22.03" },
      { ...npu, chip: "910b" },
      {
        ...npu,
        frameworks: [
          { name: "mindspore", version: "2.3.1" },
          { name: "pytorch", version: "2.1.0" },
        ],
      },
      { ...npu, python: "3.x" },
      { ...npu, image: "cann" },
      { ...parseTag("3.10-ubuntu22.04"), osVersion: null },
    ];
    for (const v of broken) expect(() => formatTag(v)).toThrow(TagGrammarError);
  });
});

describe("parseImageReference", () => {
  it("splits registry, namespace, repository and tag", () => {
    const ref = parseImageReference(
      "registry.modelers.cn/base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
    );
    expect(ref).toMatchObject({
      registry: "registry.modelers.cn",
      namespace: "base_image",
      repository: "openmind",
    });
    expect(
      parseImageReference("quay.io/ascend/cann:8.1.rc1-910b-openeuler22.03-py3.11"),
    ).toMatchObject({
      registry: "quay.io",
      namespace: "ascend",
      repository: "cann",
    });
    expect(parseImageReference("localhost:3000/base_image/python:3.10-ubuntu22.04")).toMatchObject({
      registry: "localhost:3000",
      namespace: "base_image",
      repository: "python",
      tag: "3.10-ubuntu22.04",
    });
    expect(parseImageReference("ascendai/cann:ubuntu-python3.9-cann8.0.rc2.beta1")).toMatchObject({
      registry: null,
      namespace: "ascendai",
    });
    expect(parseImageReference("ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.2.0").repository).toBe(
      "pytorch",
    );
  });

  it.each<[string, string, RegExp]>([
    [
      "tensorflow:ubuntu-python3.8-cann8.0.rc1.beta1",
      "repository",
      /unknown repository "tensorflow"/,
    ],
    [":ubuntu-python3.8-cann8.0.rc1.beta1", "repository", /no repository/],
    ["base_image/cann", "tag", /has no tag/],
    ["cann@sha256:abc", "tag", /digest reference/],
    ["cann:", "tag", /the tag is empty/],
    [
      "mindspore:ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0",
      "framework",
      /mindspore tags end with one mindspore part/,
    ],
  ])("refuses %j", (input, part, message) => {
    const error = errorOf(() => parseImageReference(input));
    expect(error.part).toBe(part);
    expect(error.message).toMatch(message);
  });
});
