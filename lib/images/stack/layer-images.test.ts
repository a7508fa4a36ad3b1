import { describe, expect, it } from "vitest";

import { sourceLayers } from "./layer-images";
import { parentChain, stackLayers } from "./stack";
import { formatTag, parseTag, type ImageKind } from "./tags";

function layersOf(
  image: ImageKind,
  tag: string,
  inCatalog: (repo: string, tag: string) => boolean = () => true,
) {
  const variables = parseTag(tag, image);
  const parents = parentChain(variables).map((p) => {
    const repository = `base_image/${p.image}`;
    const parentTag = formatTag(p);
    return {
      repository,
      tag: parentTag,
      repositoryInCatalog: true,
      inCatalog: inCatalog(repository, parentTag),
      pull: null,
    };
  });
  return sourceLayers({ variables, stack: stackLayers(variables), parents }).map((l) => [
    l.layer,
    l.name,
    l.source?.kind === "parent"
      ? `${l.source.repository}:${l.source.tag}`
      : (l.source?.kind ?? null),
  ]);
}

describe("sourceLayers", () => {
  it("takes each layer of an NPU openMind image from the image built for it", () => {
    expect(
      layersOf("openmind", "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0"),
    ).toEqual([
      ["os", "openEuler", "upstream"],
      ["python", "Python", expect.stringMatching(/^base_image\/python:/)],
      ["cann", "CANN", "base_image/cann:openeuler-python3.9-cann8.0.rc2.beta1"],
      [
        "framework",
        "PyTorch",
        "base_image/pytorch:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0",
      ],
      ["openmind", "openMind", "self"],
    ]);
  });

  it("builds the second framework of a two-framework image in the image itself", () => {
    const layers = layersOf(
      "openmind",
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
    );
    expect(layers.filter(([layer]) => layer === "framework")).toEqual([
      [
        "framework",
        "PyTorch",
        "base_image/pytorch:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0",
      ],
      ["framework", "MindSpore", "self"],
    ]);
  });

  it("has no CANN layer in a CPU image and marks the top layer of a base image as its own", () => {
    expect(
      layersOf("pytorch", "openeuler-python3.8-pytorch2.1.0").map(([layer, , source]) => [
        layer,
        source,
      ]),
    ).toEqual([
      ["os", "upstream"],
      ["python", expect.stringMatching(/^base_image\/python:/)],
      ["framework", "self"],
    ]);
    expect(layersOf("cann", "ubuntu-python3.9-cann8.0.rc2.beta1").at(-1)).toEqual([
      "cann",
      "CANN",
      "self",
    ]);
  });

  it("names the upstream OS image the Python base starts from", () => {
    const variables = parseTag("openeuler-python3.9-cann8.0.rc2.beta1", "cann");
    const [os] = sourceLayers({ variables, stack: stackLayers(variables), parents: [] });
    expect(os?.source).toEqual({
      kind: "upstream",
      reference: expect.stringContaining("openeuler"),
    });
  });
});
