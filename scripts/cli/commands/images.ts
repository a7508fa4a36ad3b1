import { planStepJson, type PlanSelection, type PlanStep } from "@/lib/images/build/plan";
import { planImages, startImageBuild } from "@/lib/images/build/run";

import { UsageError, type Command } from "../command";

const selectionOptions = {
  tag: { type: "string" },
  under: { type: "string" },
  all: { type: "boolean" },
  arch: { type: "string" },
  json: { type: "boolean" },
} as const;

const selectionUsage = "[--tag T | --under T | --all] [--arch amd64,arm64] [--json]";

function requestOf(values: Record<string, string | boolean | undefined>, command: string) {
  const given = [values.tag, values.under, values.all].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new UsageError(
      `Give exactly one of --tag, --under or --all.\nUsage: npm run cli -- ${command} ${selectionUsage}`,
    );
  }
  const selection: PlanSelection =
    typeof values.tag === "string"
      ? { kind: "tag", image: values.tag }
      : typeof values.under === "string"
        ? { kind: "under", image: values.under }
        : { kind: "all" };
  const arches =
    typeof values.arch === "string"
      ? values.arch
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean)
      : undefined;
  return { selection, ...(arches?.length ? { arches } : {}) };
}

function print(steps: PlanStep[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(steps.map(planStepJson), null, 2));
    return;
  }
  for (const s of steps) {
    const from = s.parent ?? `${s.from ?? "?"} (upstream)`;
    console.log(`${s.action.padEnd(7)} ${s.arch.padEnd(6)} ${s.image}  FROM ${from}`);
  }
  const builds = steps.filter((s) => s.action === "build").length;
  console.log(`${steps.length} steps: ${builds} to build, ${steps.length - builds} reused.`);
}

export const imagesPlan: Command = {
  name: "images:plan",
  usage: `images:plan ${selectionUsage}`,
  description:
    "Print the build plan of the image stack: the nodes and their ancestors per arch, parents first, each to build or reuse.",
  options: selectionOptions,
  async run(values) {
    print(await planImages(requestOf(values, "images:plan")), values.json === true);
  },
};

export const imagesBuild: Command = {
  name: "images:build",
  usage: `images:build ${selectionUsage}`,
  description:
    "Start building the plan as image-build jobs on runners with a builder; prints the plan and the build's id.",
  options: selectionOptions,
  async run(values) {
    const { id, steps } = await startImageBuild(null, requestOf(values, "images:build"), true);
    print(steps, values.json === true);
    if (values.json !== true) console.log(`Build ${id} started: /images/builds/${id}`);
  },
};
