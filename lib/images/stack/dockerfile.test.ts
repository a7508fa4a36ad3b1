import { describe, expect, it } from "vitest";

import { DockerfileError, dockerfileFor, generateDockerfile } from "./dockerfile";
import { expandMatrix } from "./matrix";
import { parseTag, type ImageKind } from "./tags";

const options = { imagePrefix: "hub.example.com/base_image" };
const dockerfile = (tag: string, repository?: ImageKind) =>
  generateDockerfile(parseTag(tag, repository), options);

describe("Dockerfile per layer", () => {
  it.each([
    ["python", "3.9-ubuntu22.04"],
    ["python", "3.12-openeuler24.03"],
  ])("base layer %s:%s", (repository, tag) => {
    expect(dockerfile(tag, repository as ImageKind)).toMatchSnapshot();
  });

  it.each([
    // kernels package without the CPU arch in its name
    "openeuler-python3.9-cann8.0.rc2.beta1",
    // an alpha build from its Milan-ASL directory
    "ubuntu-python3.9-cann8.0.rc3.alpha002",
    // arch-specific kernels plus NNAL
    "ubuntu-python3.10-cann8.0.0",
    // the newer ops package, for another chip and OS release
    "9.0.1-a3-openeuler24.03-py3.11",
  ])("cann layer %s", (tag) => {
    expect(dockerfile(tag, "cann")).toMatchSnapshot();
  });

  it.each([
    ["pytorch", "ubuntu-python3.10-cann8.0.rc2.beta1-pytorch2.3.1"],
    ["pytorch", "openeuler-python3.9-pytorch2.1.0"],
    ["mindspore", "ubuntu-python3.10-cann8.0.rc3.beta1-mindspore2.4.0"],
    ["mindspore", "openeuler-python3.8-mindspore2.3.0rc1"],
  ])("framework layer %s:%s", (repository, tag) => {
    expect(dockerfile(tag, repository as ImageKind)).toMatchSnapshot();
  });

  it.each([
    "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
    "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
    "openeuler-python3.9-mindspore2.3.1-openmind0.8.0",
  ])("openmind layer %s", (tag) => {
    expect(dockerfile(tag, "openmind")).toMatchSnapshot();
  });
});

describe("generateDockerfile", () => {
  const { nodes } = expandMatrix();

  it("generates every node of the matrix FROM its parent, the same text every time", () => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of nodes) {
      const text = generateDockerfile(node.variables, options);
      expect(generateDockerfile(node.variables, options)).toBe(text);
      const froms = [...text.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
      const parent = node.parent ? `hub.example.com/base_image/${node.parent}` : null;
      if (node.layer === "python")
        expect(
          froms.every(
            (f) =>
              f ===
              (node.config.os === "ubuntu"
                ? "ubuntu:22.04"
                : `openeuler/openeuler:${node.config.osVersion}`),
          ),
        ).toBe(true);
      else expect(new Set(froms)).toEqual(new Set([parent]));
      if (node.parent) expect(byId.has(node.parent)).toBe(true);
    }
  });

  it("installs the torch_npu built for the CANN release and the chip's operator package for the arch", () => {
    expect(dockerfile("ubuntu-python3.9-cann8.0.rc1.beta1-pytorch2.1.0")).toContain(
      "torch-npu==2.1.0.post4",
    );
    expect(dockerfile("ubuntu-python3.9-cann8.0.0-pytorch2.1.0")).toContain(
      "torch-npu==2.1.0.post10",
    );
    expect(dockerfile("openeuler-python3.9-pytorch2.1.0")).not.toContain("torch-npu");
    expect(dockerfile("8.1.rc1-310p-ubuntu22.04-py3.10")).toContain(
      "Ascend-cann-kernels-310p_8.1.RC1_linux-${ARCH}.run",
    );
    expect(dockerfile("8.0.rc1-910b-ubuntu22.04-py3.8")).toContain(
      "Ascend-cann-kernels-910b_8.0.RC1_linux.run",
    );
  });

  it("trims a trailing slash of the prefix", () => {
    const text = generateDockerfile(parseTag("ubuntu-python3.9-cann8.0.rc2.beta1"), {
      imagePrefix: "h:5000/base_image/",
    });
    expect(text).toContain("FROM h:5000/base_image/python:3.9-ubuntu22.04 AS cann-installer");
  });

  it("refuses versions the spec has no template data for, with the reason", () => {
    expect(() => dockerfile("ubuntu-python3.9-cann8.0.rc9.beta1")).toThrow(DockerfileError);
    expect(() => dockerfile("ubuntu-python3.9-cann8.0.rc3.beta1-pytorch2.2.0")).toThrow(
      /no torch_npu for PyTorch 2.2.0/,
    );
    expect(dockerfileFor(parseTag("openeuler-python3.9-mindspore2.9.0"), options)).toEqual({
      dockerfile: null,
      reason:
        "No Dockerfile: mindspore 2.9.0 is not in the stack spec, so there is no template for it.",
    });
    expect(dockerfileFor(null, options).reason).toMatch(/does not follow the stack's tag grammar/);
  });
});
