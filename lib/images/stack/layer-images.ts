// Client-safe: which image each layer of a stack comes from, for drawing the stack with links —
// the tag itself, one of its parents (linked when the catalog has it), or the upstream OS image.
import { findOsRelease, frameworkLabels } from "./spec";
import type { StackLayer } from "./stack";
import type { ImageVariables } from "./tags";

type LayerSource =
  | { kind: "self" }
  | { kind: "parent"; repository: string; tag: string; inCatalog: boolean }
  | { kind: "upstream"; reference: string };

export type SourcedLayer = StackLayer & { source: LayerSource | null };

type Parent = { repository: string; tag: string; inCatalog: boolean };

/** The image repository name a layer is built in (`python`, `cann`, `pytorch`, …). */
function imageOfLayer(layer: StackLayer): string | null {
  switch (layer.layer) {
    case "os":
      return null;
    case "framework":
      return Object.entries(frameworkLabels).find(([, label]) => label === layer.name)?.[0] ?? null;
    default:
      return layer.layer;
  }
}

/**
 * The layers bottom-up, each with where it comes from: the lowest image of the parent chain built
 * for that layer, else this image (which builds it, e.g. the MindSpore layer of an openMind image
 * with both frameworks); the OS layer comes from the upstream OS image.
 */
export function sourceLayers(input: {
  variables: ImageVariables;
  stack: StackLayer[];
  parents: Parent[];
}): SourcedLayer[] {
  return input.stack.map((layer) => {
    if (layer.layer === "os") {
      const release = findOsRelease(input.variables.os, layer.version);
      return {
        ...layer,
        source: release ? { kind: "upstream", reference: release.baseImage } : null,
      };
    }
    const image = imageOfLayer(layer);
    const parent = input.parents.find((p) => p.repository.split("/").pop() === image);
    return {
      ...layer,
      source: parent ? { kind: "parent", ...parent } : { kind: "self" },
    };
  });
}
