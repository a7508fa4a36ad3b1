// The build plan: the chosen nodes of a stack, per architecture, with every ancestor they build
// on, in dependency order. Each step has a cache key — the hash of its Dockerfile, its build args
// and its parent's digest — and is reused when a recorded build has that key, so changing one
// version rebuilds that node and its descendants only.
import { createHash } from "node:crypto";

import { imageOf, type BuildStack, type StackNode } from "./stack-source";

export type PlanSelection =
  { kind: "tag"; image: string } | { kind: "under"; image: string } | { kind: "all" };

export type PlanStep = {
  node: StackNode;
  /** `base_image/<repo>:<tag>`. */
  image: string;
  arch: string;
  /** The parent's image, null for a node built FROM an upstream base. */
  parent: string | null;
  /** The upstream base of a root node (before the mirror). */
  from: string | null;
  cacheKey: string;
  action: "build" | "reuse";
  /** The recorded build's digest, for a reused step. */
  digest: string | null;
};

/** The `--json` form of a step. */
export type PlanStepJson = Pick<
  PlanStep,
  "image" | "arch" | "parent" | "from" | "cacheKey" | "action"
>;

export const planStepJson = (s: PlanStep): PlanStepJson => ({
  image: s.image,
  arch: s.arch,
  parent: s.parent,
  from: s.from,
  cacheKey: s.cacheKey,
  action: s.action,
});

/** The digest a recorded (pushed) build of this image, arch and key produced; null when none. */
export type RecordedBuilds = (image: string, arch: string, cacheKey: string) => string | null;

/** Stands in for the FROM reference, which depends on the host and the mirror, not the image. */
const fromPlaceholder = "strata.invalid/parent";

export class PlanError extends Error {
  override name = "PlanError";
}

/** `cann:<tag>`, `base_image/cann:<tag>` or `<host>/base_image/cann:<tag>` → the node (tag or alias). */
function findStackNode(stack: BuildStack, reference: string): StackNode {
  const ref = reference.trim();
  const colon = ref.lastIndexOf(":");
  const path = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  const repository = path.split("/").pop() ?? "";
  const node =
    colon > 0
      ? stack.nodes.find(
          (n) => n.repository === repository && (n.tag === tag || n.aliases.includes(tag)),
        )
      : undefined;
  if (!node) throw new PlanError(`${reference} is not an image of the stack.`);
  return node;
}

/**
 * The cache key of a step: its Dockerfile (FROM left out: it names the parent by digest, which is
 * hashed on its own), its build args, and its parent's identity — the parent's digest when built,
 * `build:<parent key>` while the parent is still to be built (so no recorded build can match).
 */
function cacheKeyOf(input: {
  dockerfile: string;
  buildArgs: Record<string, string>;
  parent: string;
}): string {
  const args = Object.entries(input.buildArgs).sort(([a], [b]) => a.localeCompare(b));
  const text = JSON.stringify({ dockerfile: input.dockerfile, args, parent: input.parent });
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** The build args of a step; the architecture is one, so per-arch builds never share a key. */
const buildArgsOf = (arch: string): Record<string, string> => ({ TARGETARCH: arch });

function depthOf(stack: BuildStack, node: StackNode, byId: Map<string, StackNode>): number {
  let depth = 0;
  for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    depth += 1;
    if (depth > stack.nodes.length) throw new PlanError(`The stack has a cycle at ${node.id}.`);
  }
  return depth;
}

function selectedNodes(stack: BuildStack, selection: PlanSelection): StackNode[] {
  if (selection.kind === "all") return stack.nodes;
  const target = findStackNode(stack, selection.image);
  if (selection.kind === "tag") return [target];
  const byId = new Map(stack.nodes.map((n) => [n.id, n]));
  return stack.nodes.filter((n) => {
    for (let id: string | null = n.id; id !== null; id = byId.get(id)?.parent ?? null)
      if (id === target.id) return true;
    return false;
  });
}

/**
 * The plan for `selection` on `arches` (default: each node's own): the selected nodes and all
 * their ancestors for each arch, parents first (by depth, then in stack order, then by arch).
 */
export function planBuild(input: {
  stack: BuildStack;
  selection: PlanSelection;
  arches?: string[];
  recorded: RecordedBuilds;
}): PlanStep[] {
  const { stack } = input;
  const byId = new Map(stack.nodes.map((n) => [n.id, n]));
  const wanted = new Map<string, { node: StackNode; arch: string }>();
  for (const node of selectedNodes(stack, input.selection)) {
    for (const arch of node.arches) {
      if (input.arches && !input.arches.includes(arch)) continue;
      for (let n: StackNode | undefined = node; n; n = n.parent ? byId.get(n.parent) : undefined) {
        const key = `${n.id}|${arch}`;
        if (wanted.has(key)) break;
        if (!n.arches.includes(arch))
          throw new PlanError(`${imageOf(node)} needs ${imageOf(n)} for ${arch}, which it lacks.`);
        wanted.set(key, { node: n, arch });
      }
    }
  }
  const order = new Map(stack.nodes.map((n, i) => [n.id, i]));
  const depth = new Map(stack.nodes.map((n) => [n.id, depthOf(stack, n, byId)]));
  const entries = [...wanted.values()].sort(
    (a, b) =>
      depth.get(a.node.id)! - depth.get(b.node.id)! ||
      order.get(a.node.id)! - order.get(b.node.id)! ||
      a.arch.localeCompare(b.arch),
  );

  const steps = new Map<string, PlanStep>();
  for (const { node, arch } of entries) {
    const parentStep = node.parent ? steps.get(`${node.parent}|${arch}`)! : null;
    const from = node.parent ? null : stack.upstreamOf(node);
    const cacheKey = cacheKeyOf({
      dockerfile: stack.dockerfile(node, fromPlaceholder),
      buildArgs: buildArgsOf(arch),
      parent: parentStep
        ? (parentStep.digest ?? `build:${parentStep.cacheKey}`)
        : `upstream:${from ?? ""}`,
    });
    const image = imageOf(node);
    const digest = input.recorded(image, arch, cacheKey);
    steps.set(`${node.id}|${arch}`, {
      node,
      image,
      arch,
      parent: parentStep?.image ?? null,
      from,
      cacheKey,
      action: digest ? "reuse" : "build",
      digest,
    });
  }
  return [...steps.values()];
}

/** The cache key of a step once its parent has a digest (what the build job records). */
export function stepCacheKey(
  stack: BuildStack,
  node: StackNode,
  arch: string,
  parentDigest: string | null,
): string {
  return cacheKeyOf({
    dockerfile: stack.dockerfile(node, fromPlaceholder),
    buildArgs: buildArgsOf(arch),
    parent: parentDigest ?? `upstream:${stack.upstreamOf(node) ?? ""}`,
  });
}
