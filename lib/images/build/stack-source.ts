// What the image builder builds: the nodes of a stack with their parents and architectures, and a
// Dockerfile per node FROM a given reference. The real stack comes from the spec (lib/images/stack);
// a small stack can be given as JSON (STRATA_IMAGE_STACK), so tests build a few tiny layers instead.
import fs from "node:fs";

import { z } from "zod";

import { generateDockerfile } from "@/lib/images/stack/dockerfile";
import { expandMatrix, type ImageNode } from "@/lib/images/stack/matrix";
import { findOsRelease } from "@/lib/images/stack/spec";
import { resolveConfig } from "@/lib/images/stack/stack";

/** The namespace of this registry that the stack's images are published under. */
export const stackNamespace = "base_image";

export type StackNode = {
  /** `repository:tag`, e.g. `cann:openeuler-python3.9-cann8.0.rc2.beta1`. */
  id: string;
  repository: string;
  tag: string;
  /** Other tags the build also moves (the spec's shorter names of the same image). */
  aliases: string[];
  arches: string[];
  /** Id of the node this one is built FROM; null when it starts FROM an upstream base. */
  parent: string | null;
};

export type BuildStack = {
  nodes: StackNode[];
  /** The upstream image a root node starts FROM (before the mirror), e.g. `ubuntu:22.04`. */
  upstreamOf(node: StackNode): string | null;
  /** The node's Dockerfile, built FROM `from` (its parent by digest, or its upstream base). */
  dockerfile(node: StackNode, from: string): string;
};

/** `base_image/cann:<tag>`: how plans and pages name a node's image. */
export const imageOf = (node: Pick<StackNode, "repository" | "tag">) =>
  `${stackNamespace}/${node.repository}:${node.tag}`;

function realStack(): BuildStack {
  const matrix = expandMatrix();
  const byId = new Map<string, ImageNode>(matrix.nodes.map((n) => [n.id, n]));
  const upstream = (node: StackNode) => {
    const n = byId.get(node.id)!;
    if (n.parent !== null) return null;
    const c = resolveConfig(n.variables);
    return findOsRelease(c.os, c.osVersion)?.baseImage ?? null;
  };
  return {
    nodes: matrix.nodes.map((n) => ({
      id: n.id,
      repository: n.repository,
      tag: n.tag,
      aliases: n.aliases,
      arches: [...n.arches],
      parent: n.parent,
    })),
    upstreamOf: upstream,
    dockerfile(node, from) {
      const n = byId.get(node.id)!;
      const text = generateDockerfile(n.variables, {
        imagePrefix: stackNamespace,
        parentReference: from,
      });
      const base = upstream(node);
      // The Python base names its OS image in its stages; they come from `from` (the mirror).
      return base ? text.replaceAll(`FROM ${base}`, `FROM ${from}`) : text;
    },
  };
}

const nodeName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/);
const tagName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);

/**
 * A stack given as JSON: `{nodes: [{repository, tag, aliases?, arches, parent?, from?, dockerfile}]}`
 * where `parent` is a `repository:tag` of the file, `from` the upstream base of a root node, and
 * `dockerfile` the instructions after the FROM line the builder writes.
 */
const stackFileSchema = z.object({
  nodes: z
    .array(
      z.object({
        repository: nodeName,
        tag: tagName,
        aliases: z.array(tagName).default([]),
        arches: z.array(z.enum(["amd64", "arm64"])).min(1),
        parent: z.string().nullable().default(null),
        from: z.string().min(1).nullable().default(null),
        dockerfile: z.string(),
      }),
    )
    .min(1),
});

export type StackFile = z.input<typeof stackFileSchema>;

/** A stack from its JSON description; throws when a parent is missing or comes after its child. */
export function stackFromJson(input: unknown): BuildStack {
  const { nodes } = stackFileSchema.parse(input);
  const seen = new Set<string>();
  for (const n of nodes) {
    if (n.parent !== null && !seen.has(n.parent))
      throw new Error(`The parent ${n.parent} of ${n.repository}:${n.tag} must come before it.`);
    if (n.parent === null && !n.from)
      throw new Error(`${n.repository}:${n.tag} has neither a parent nor a base to start from.`);
    seen.add(`${n.repository}:${n.tag}`);
  }
  const byId = new Map(nodes.map((n) => [`${n.repository}:${n.tag}`, n]));
  return {
    nodes: nodes.map((n) => ({
      id: `${n.repository}:${n.tag}`,
      repository: n.repository,
      tag: n.tag,
      aliases: n.aliases,
      arches: n.arches,
      parent: n.parent,
    })),
    upstreamOf: (node) => (node.parent === null ? (byId.get(node.id)?.from ?? null) : null),
    dockerfile: (node, from) => `FROM ${from}\n${byId.get(node.id)!.dockerfile.trimEnd()}\n`,
  };
}

let real: BuildStack | undefined;

/** The stack builds use: the configured JSON stack when there is one, else the real spec. */
export function buildStack(stackFile: string | null): BuildStack {
  if (stackFile) return stackFromJson(JSON.parse(fs.readFileSync(stackFile, "utf8")));
  return (real ??= realStack());
}

/** `mirror/ubuntu:22.04` for `ubuntu:22.04`: upstream bases pulled through the configured mirror. */
export function mirrored(upstream: string, mirror: string | null): string {
  return mirror ? `${mirror.replace(/\/+$/, "")}/${upstream}` : upstream;
}
