// Client-safe: how the layers of an image stack on each other — the resolved build variables of a
// tag (filling in what the layered form leaves implicit), its parent image, and its layers bottom-up.
import type { ImageHardware } from "@/db/schema/image-enums";

import { frameworkLabels, layeredChip, layeredOsVersion, type OsName } from "./spec";
import type { FrameworkVersion, ImageKind, ImageVariables } from "./tags";

/** The variables of a build: every layer named, OS release and chip filled in. */
export type StackConfig = {
  image: ImageKind;
  /** True when the tag is in the layered (openMind) form, which leaves OS release and chip implicit. */
  layered: boolean;
  os: OsName;
  osVersion: string;
  python: string;
  cann: string | null;
  chip: string | null;
  frameworks: FrameworkVersion[];
  openmind: string | null;
  hardware: ImageHardware;
};

function isLayeredForm(v: ImageVariables): boolean {
  return v.image !== "python" && v.osVersion === null;
}

/** Fills in what a layered tag implies: ubuntu → 22.04, openeuler → 22.03, NPU → 910B (see spec). */
export function resolveConfig(v: ImageVariables): StackConfig {
  return {
    image: v.image,
    layered: isLayeredForm(v),
    os: v.os,
    osVersion: v.osVersion ?? layeredOsVersion[v.os],
    python: v.python,
    cann: v.cann,
    chip: v.chip ?? (v.cann === null ? null : layeredChip),
    frameworks: v.frameworks,
    openmind: v.openmind,
    hardware: v.hardware,
  };
}

const base = (v: ImageVariables): ImageVariables => ({
  ...v,
  frameworks: [],
  openmind: null,
  devel: false,
});

/**
 * The image this one is built FROM: openmind → its (first) framework image → cann (NPU) or the
 * Python base (CPU) → null (the OS image). An openmind image with both frameworks builds on the
 * PyTorch image and installs MindSpore in its own layer.
 */
export function parentOf(v: ImageVariables): ImageVariables | null {
  switch (v.image) {
    case "openmind": {
      const first = v.frameworks[0];
      if (!first) return null;
      return { ...base(v), image: first.name, frameworks: [first] };
    }
    case "pytorch":
    case "mindspore":
      if (v.cann !== null) return { ...base(v), image: "cann" };
      return pythonBaseOf(v);
    case "cann":
      return pythonBaseOf(v);
    case "python":
      return null;
  }
}

function pythonBaseOf(v: ImageVariables): ImageVariables {
  return {
    ...base(v),
    image: "python",
    osVersion: v.osVersion ?? layeredOsVersion[v.os],
    cann: null,
    chip: null,
    hardware: "cpu",
  };
}

/** Parents from the direct parent down to the Python base. */
export function parentChain(v: ImageVariables): ImageVariables[] {
  const chain: ImageVariables[] = [];
  for (let p = parentOf(v); p; p = parentOf(p)) chain.push(p);
  return chain;
}

export type StackLayer = {
  layer: "os" | "python" | "cann" | "framework" | "openmind";
  name: string;
  version: string;
  /** Extra detail, e.g. the chip of a CANN layer. */
  detail: string | null;
  /** True when the tag does not name it and it follows from the layered naming convention. */
  implied: boolean;
};

export const osLabels: Record<OsName, string> = { ubuntu: "Ubuntu", openeuler: "openEuler" };

/** The layers of an image, bottom-up, for drawing its stack. */
export function stackLayers(v: ImageVariables): StackLayer[] {
  const c = resolveConfig(v);
  const layers: StackLayer[] = [
    {
      layer: "os",
      name: osLabels[c.os],
      version: c.osVersion,
      detail: null,
      implied: v.osVersion === null,
    },
    { layer: "python", name: "Python", version: c.python, detail: null, implied: false },
  ];
  if (c.cann !== null) {
    layers.push({
      layer: "cann",
      name: "CANN",
      version: c.cann,
      detail: c.chip,
      implied: v.chip === null,
    });
  }
  for (const f of c.frameworks) {
    layers.push({
      layer: "framework",
      name: frameworkLabels[f.name],
      version: f.version,
      detail: null,
      implied: false,
    });
  }
  if (c.openmind !== null) {
    layers.push({
      layer: "openmind",
      name: "openMind",
      version: c.openmind,
      detail: null,
      implied: false,
    });
  }
  return layers;
}
