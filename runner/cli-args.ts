import { parseArgs } from "node:util";

import type { Labels, RunnerBuilder, RunnerExecutor } from "../lib/jobs/protocol";
import { builderLabel, hostArchLabel, parseLabelList } from "../lib/runtime/labels";
import { buildersOf, detectBuilder } from "./builders/detect";

export class UsageError extends Error {
  override name = "UsageError";
}

export const usage = `Usage:
  npm run runner -- register --url URL --token REG --name NAME --labels k=v,… --executor shell|docker
                             [--builder docker|buildah|none] [--npus 0,1,2,3 --npu-chip 910b]
                             [--concurrency N] [--work-dir DIR]
                             [--job-user USER|none] [--config PATH]
  npm run runner -- run [--config PATH]

The builder (for image builds) is detected when not given: docker with --executor docker; buildah
with --executor shell when buildah is installed and the runner is root.
The config defaults to ~/.strata-runner.json (mode 0600; it holds the runner token).`;

export type RegisterArgs = {
  url: string;
  token: string;
  name: string;
  labels: Labels;
  executor: RunnerExecutor;
  builder: RunnerBuilder;
  npus: number[];
  npuChip: string | null;
  concurrency: number;
  workDir?: string;
  /** Whom shell jobs run as when the runner is root (default nobody, or HwHiAiUser with NPUs). */
  jobUser?: string;
  config?: string;
};

export type RunArgs = { config?: string; exitWithParent: boolean };

function parseLabels(text: string): Labels {
  const parsed = parseLabelList(text);
  if ("problem" in parsed) throw new UsageError(parsed.problem);
  return parsed.labels;
}

function parseDevices(text: string): number[] {
  const ids = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (ids.some((id) => !Number.isInteger(id) || id < 0))
    throw new UsageError(`--npus takes device numbers such as 0,1,2,3; got "${text}".`);
  return ids;
}

/**
 * Adds the labels every job router relies on when the operator did not set them: the executor,
 * `hardware=npu|cpu`, the NPU chip, the builder (which jobs with build steps need) and the host's
 * architecture (which image builds need).
 */
export function withDefaultLabels(
  args: Pick<RegisterArgs, "labels" | "executor" | "npus" | "npuChip" | "builder">,
): Labels {
  return {
    executor: args.executor,
    hardware: args.npus.length ? "npu" : "cpu",
    ...(args.npuChip ? { npu: args.npuChip } : {}),
    ...(args.builder === "none" ? {} : { [builderLabel]: args.builder }),
    ...hostArchLabel(),
    ...args.labels,
  };
}

/** Reports parseArgs' own errors (unknown option, missing value) as usage errors. */
function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseRegisterArgs(argv: string[]): RegisterArgs {
  const { values } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        name: { type: "string" },
        labels: { type: "string" },
        executor: { type: "string" },
        builder: { type: "string" },
        npus: { type: "string" },
        "npu-chip": { type: "string" },
        concurrency: { type: "string" },
        "work-dir": { type: "string" },
        "job-user": { type: "string" },
        config: { type: "string" },
      },
      strict: true,
    }),
  );
  for (const key of ["url", "token", "name", "executor"] as const) {
    if (!values[key]) throw new UsageError(`--${key} is required.`);
  }
  if (values.executor !== "shell" && values.executor !== "docker")
    throw new UsageError("--executor is shell or docker.");
  const builder = (values.builder ?? detectBuilder(values.executor)) as RunnerBuilder;
  if (!buildersOf[values.executor].includes(builder))
    throw new UsageError(
      `--builder with --executor ${values.executor} is ${buildersOf[values.executor].join(" or ")}.`,
    );
  const npus = values.npus ? parseDevices(values.npus) : [];
  if (npus.length && !values["npu-chip"])
    throw new UsageError("With --npus, give the chip too: --npu-chip 910b.");
  const concurrency = Number(values.concurrency ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError("--concurrency is a number from 1 to 64.");
  return {
    url: values.url!.replace(/\/+$/, ""),
    token: values.token!,
    name: values.name!,
    labels: values.labels ? parseLabels(values.labels) : {},
    executor: values.executor,
    builder,
    npus,
    npuChip: values["npu-chip"] ?? null,
    concurrency,
    workDir: values["work-dir"],
    jobUser: values["job-user"],
    config: values.config,
  };
}

export function parseRunArgs(argv: string[]): RunArgs {
  const { values } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: { config: { type: "string" }, "exit-with-parent": { type: "boolean" } },
      strict: true,
    }),
  );
  return { config: values.config, exitWithParent: !!values["exit-with-parent"] };
}
