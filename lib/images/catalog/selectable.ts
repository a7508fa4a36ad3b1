import "server-only";

import { listSelectionCandidates, type SelectionCandidate } from "@/db/queries/images";
import type { FrameworkName, ImageHardware, ImageSource } from "@/db/schema/image-enums";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";

import { pullCommands, registryHost, type PullCommand } from "../stack/pull-commands";
import type { ImageVariables } from "../stack/tags";
import { compareVersionKeys } from "../stack/version";
import { canReadImageRepository } from "./access";
import { tagVariables } from "./catalog-write";

// The images offered to Spaces and model CI, as the caller may see them, newest first.

export type ImageSelection = {
  /** Full pull reference on this hub, e.g. `hub.example.com/base_image/openmind:<tag>`. */
  image: string;
  /** `namespace/name` */
  repository: string;
  tag: string;
  variables: ImageVariables;
  availableLocally: boolean;
  sources: ImageSource[];
  /**
   * Where the image can be pulled from today: this hub once it holds the tag, and every other
   * registry that carries it (a runner falls back to these until the hub mirrors it).
   */
  pull: PullCommand[];
};

export type Candidate = { row: SelectionCandidate; variables: ImageVariables };

export const hardwareLabel: Record<ImageHardware, string> = { cpu: "CPU", npu: "NPU" };

export function frameworkVersionOf(c: Candidate, name: FrameworkName): string | null {
  return c.variables.frameworks.find((f) => f.name === name)?.version ?? null;
}

/**
 * Newest first: the highest openMind version, then the highest version of the requested framework,
 * then the highest CANN, then the highest Python (versions compared as versions, rc/beta/alpha
 * below their release); on a tie, the image with fewer frameworks (smaller), then by tag.
 */
export function newestFirst(name: FrameworkName) {
  const key = (c: Candidate) => [
    c.variables.openmind,
    frameworkVersionOf(c, name),
    c.variables.cann,
    c.variables.python,
  ];
  return (a: Candidate, b: Candidate) =>
    compareVersionKeys(key(b), key(a)) ||
    a.variables.frameworks.length - b.variables.frameworks.length ||
    a.row.tag.localeCompare(b.row.tag);
}

export function toSelection({ row, variables }: Candidate): ImageSelection {
  const { namespace, name } = row.repository;
  const hubHost = registryHost(getConfig().publicUrl);
  return {
    image: `${hubHost}/${namespace}/${name}:${row.tag}`,
    repository: `${namespace}/${name}`,
    tag: row.tag,
    variables,
    availableLocally: row.availableLocally,
    sources: row.sources,
    pull: pullCommands({
      hubHost,
      namespace,
      name,
      tag: row.tag,
      sources: row.sources,
      availableLocally: row.availableLocally,
    }),
  };
}

export async function visibleCandidates(
  caller: Caller | null,
  purpose: "space" | "model_ci",
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const row of await listSelectionCandidates(purpose)) {
    if (!(await canReadImageRepository(caller, row.repository))) continue;
    const variables = tagVariables(row.repository.name, row.tag);
    if (variables?.image === "openmind") candidates.push({ row, variables });
  }
  return candidates;
}

/**
 * Every image offered for a purpose that the caller may see, newest first (for the Space and model
 * CI forms' environment pickers); narrowed to a hardware and a framework when given.
 */
export async function listSelectableImages(
  input: { purpose: "space" | "model_ci"; hardware?: ImageHardware; framework?: FrameworkName },
  caller: Caller | null = null,
): Promise<ImageSelection[]> {
  const candidates = (await visibleCandidates(caller, input.purpose)).filter(
    (c) =>
      (!input.hardware || c.variables.hardware === input.hardware) &&
      (!input.framework || frameworkVersionOf(c, input.framework) !== null),
  );
  return candidates.sort(newestFirst(input.framework ?? "pytorch")).map(toSelection);
}
