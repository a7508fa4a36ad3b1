// Client-safe: which image each layer of a stack comes from, for drawing the stack with links —
// the tag itself, one of its parents (linked when the catalog has it), or the upstream OS image.
import type { PullCommand } from "./pull-commands";
import { findOsRelease, frameworkLabels } from "./spec";
import type { StackLayer } from "./stack";
import type { ImageVariables } from "./tags";

/** A parent of a tag, as far as the caller may see it in the catalog. */
export type ParentImage = {
  /** `namespace/name` */
  repository: string;
  tag: string;
  /** Whether the caller may see the parent's repository (its page is linked then). */
  repositoryInCatalog: boolean;
  /** Whether the catalog has this tag (its page is linked then). */
  inCatalog: boolean;
  /** Where to pull it from first (this hub when it holds it); null when no registry is known. */
  pull: PullCommand | null;
};

type LayerSource =
  { kind: "self" } | ({ kind: "parent" } & ParentImage) | { kind: "upstream"; reference: string };

export type SourcedLayer = StackLayer & { source: LayerSource | null };

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
  parents: ParentImage[];
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
