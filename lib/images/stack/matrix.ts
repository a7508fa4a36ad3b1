// Client-safe: the build matrix. Expands the stack spec layer by layer — Python base → CANN →
// framework → openMind — into image nodes with their parent, and records every combination it
// leaves out with the rules that exclude it (so a UI or CLI can explain why an image does not exist).
import type { ImageArch } from "@/db/schema/image-enums";

import { archesFor, checkCompatibility, type Violation } from "./rules";
import {
  cannReleases,
  chips,
  layeredChip,
  layeredOsVersion,
  mindsporeReleases,
  openmindReleases,
  osNames,
  osReleases,
  pythonReleases,
  pytorchReleases,
  type CannRelease,
} from "./spec";
import { parentOf, resolveConfig, type StackConfig } from "./stack";
import { formatTag, type FrameworkVersion, type ImageKind, type ImageVariables } from "./tags";

export type MatrixLayer = "python" | "cann" | "framework" | "openmind";

export type ImageNode = {
  /** `repository:tag`, e.g. `cann:openeuler-python3.9-cann8.0.rc2.beta1`. */
  id: string;
  layer: MatrixLayer;
  repository: ImageKind;
  tag: string;
  /** Other tags of the same build (the Ascend-form name of a layered CANN image). */
  aliases: string[];
  variables: ImageVariables;
  config: StackConfig;
  arches: ImageArch[];
  /** Id of the node this one is built FROM; null for the Python base (built FROM the OS image). */
  parent: string | null;
};

type Exclusion = {
  layer: MatrixLayer;
  repository: ImageKind;
  tag: string;
  violations: Violation[];
};

export type Matrix = { nodes: ImageNode[]; exclusions: Exclusion[] };

const nodeId = (v: ImageVariables) => `${v.image}:${formatTag(v)}`;

function variables(
  partial: Partial<ImageVariables> & Pick<ImageVariables, "image" | "os" | "python">,
): ImageVariables {
  const cann = partial.cann ?? null;
  return {
    osVersion: null,
    cann,
    chip: null,
    frameworks: [],
    openmind: null,
    devel: false,
    hardware: cann === null ? "cpu" : "npu",
    ...partial,
  };
}

function ascendName(release: CannRelease): string {
  return release.ascendName ?? release.version;
}

class MatrixBuilder {
  readonly nodes: ImageNode[] = [];
  readonly exclusions: Exclusion[] = [];

  /** Adds the candidate as a node, or records why it is excluded; returns the node if added. */
  consider(
    layer: MatrixLayer,
    v: ImageVariables,
    aliases: ImageVariables[] = [],
  ): ImageNode | null {
    const config = resolveConfig(v);
    const violations = checkCompatibility(config);
    const tag = formatTag(v);
    if (violations.length) {
      this.exclusions.push({ layer, repository: v.image, tag, violations });
      return null;
    }
    const parent = parentOf(v);
    const node: ImageNode = {
      id: `${v.image}:${tag}`,
      layer,
      repository: v.image,
      tag,
      aliases: aliases.map(formatTag),
      variables: v,
      config,
      arches: archesFor(config),
      parent: parent ? nodeId(parent) : null,
    };
    this.nodes.push(node);
    return node;
  }
}

function expandCann(b: MatrixBuilder): ImageNode[] {
  const added: ImageNode[] = [];
  for (const release of cannReleases) {
    for (const os of osReleases) {
      for (const { version: python } of pythonReleases) {
        for (const chip of chips) {
          const ascend = variables({
            image: "cann",
            os: os.os,
            osVersion: os.version,
            python,
            cann: ascendName(release),
            chip: chip.id,
          });
          const layeredName =
            release.layered && os.version === layeredOsVersion[os.os] && chip.id === layeredChip;
          if (!layeredName) {
            const node = b.consider("cann", ascend);
            if (node) added.push(node);
            continue;
          }
          const layered = variables({ image: "cann", os: os.os, python, cann: release.version });
          const node = b.consider("cann", layered, release.ascendName ? [ascend] : []);
          if (node) added.push(node);
        }
      }
    }
  }
  return added;
}

function frameworkCandidates(): FrameworkVersion[] {
  return [
    ...pytorchReleases.map((r): FrameworkVersion => ({ name: "pytorch", version: r.version })),
    ...mindsporeReleases.map((r): FrameworkVersion => ({ name: "mindspore", version: r.version })),
  ];
}

function expandFrameworks(b: MatrixBuilder, cannNodes: ImageNode[]): ImageNode[] {
  const added: ImageNode[] = [];
  // Framework images build only on layered CANN images (their tags name no OS release or chip) …
  const bases = cannNodes.filter((n) => n.variables.osVersion === null).map((n) => n.variables);
  // … or, for CPU, on the Python base of the layered OS releases.
  for (const os of osNames)
    for (const { version: python } of pythonReleases)
      bases.push(variables({ image: "python", os, python }));
  for (const base of bases) {
    for (const framework of frameworkCandidates()) {
      const v = { ...base, image: framework.name, osVersion: null, frameworks: [framework] };
      const node = b.consider("framework", v);
      if (node) added.push(node);
    }
  }
  return added;
}

function expandOpenmind(b: MatrixBuilder, frameworkNodes: ImageNode[]): void {
  for (const node of frameworkNodes) {
    const [first] = node.variables.frameworks;
    const stacks: FrameworkVersion[][] = [[first!]];
    if (first?.name === "pytorch") {
      for (const ms of mindsporeReleases)
        stacks.push([first, { name: "mindspore", version: ms.version }]);
    }
    for (const release of openmindReleases) {
      for (const frameworks of stacks) {
        b.consider("openmind", {
          ...node.variables,
          image: "openmind",
          frameworks,
          openmind: release.version,
        });
      }
    }
  }
}

function expand(): Matrix {
  const b = new MatrixBuilder();
  for (const os of osReleases) {
    for (const { version: python } of pythonReleases) {
      b.consider(
        "python",
        variables({ image: "python", os: os.os, osVersion: os.version, python }),
      );
    }
  }
  const cannNodes = expandCann(b);
  const frameworkNodes = expandFrameworks(b, cannNodes);
  expandOpenmind(b, frameworkNodes);
  return { nodes: b.nodes, exclusions: b.exclusions };
}

let cached: Matrix | undefined;

/** The expanded matrix (computed once; the spec is static). */
export function expandMatrix(): Matrix {
  return (cached ??= expand());
}

/** The node a tag names, by its primary tag or an alias. */
export function findNode(
  repository: ImageKind,
  tag: string,
  matrix = expandMatrix(),
): ImageNode | undefined {
  return matrix.nodes.find(
    (n) => n.repository === repository && (n.tag === tag || n.aliases.includes(tag)),
  );
}

/** Why an image with these variables is not in the matrix (empty when it is a valid combination). */
export function explainExclusion(v: ImageVariables): Violation[] {
  return checkCompatibility(resolveConfig(v));
}
