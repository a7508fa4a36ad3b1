import "server-only";

import { z } from "zod";

import { insertJob } from "@/db/queries/jobs";
import { jobKinds } from "@/db/schema/job-enums";
import { AppError } from "@/lib/errors";

import type { JobResourceRef } from "./job-resource";
import { resourceColumns } from "./job-resource";
import { defaultMaxAttempts, jobKindDefinitions, maxTimeoutSeconds } from "./kinds";
import { anyLabelValue, builderLabel, labelsSchema } from "./labels";
import { notifyQueueChanged } from "./notifier";
import type { JobSpec, Labels } from "./protocol";
import { jobSpecSchema } from "./protocol-schemas";

const grantList = z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/)).max(20);

const enqueueJobSchema = z.object({
  kind: z.enum(jobKinds),
  spec: jobSpecSchema,
  labels: labelsSchema.default({}),
  npuCount: z.number().int().min(0).max(64).default(0),
  timeoutSeconds: z.number().int().min(1).max(maxTimeoutSeconds).optional(),
  maxAttempts: z.number().int().min(1).max(10).optional(),
  grants: z.object({ clone: grantList.optional(), push: grantList.optional() }).default({}),
});

export type EnqueueJobInput = z.input<typeof enqueueJobSchema> & {
  resource: JobResourceRef;
  /** The user the job runs for; null for jobs the system starts itself. */
  createdBy: number | null;
  retryOf?: number | null;
  /**
   * Derived work (a build of commit X of repo Y) passes a key naming it: enqueueing the same key
   * again returns the existing job instead of a second one, whoever enqueues and however often.
   */
  dedupeKey?: string;
};

/**
 * The job's labels plus what its steps need, so that no runner is ever handed a job it cannot
 * run: steps in an image need docker, build steps a builder (any, unless the job names one).
 */
function requiredLabels(spec: JobSpec, labels: Labels): Labels {
  const runsImages = !!spec.image || spec.steps.some((s) => "image" in s && !!s.image);
  const builds = spec.steps.some((s) => s.type === "build");
  return {
    ...(builds ? { [builderLabel]: anyLabelValue } : {}),
    ...labels,
    ...(runsImages ? { executor: "docker" } : {}),
  };
}

/** Validates and queues a job, and wakes waiting runners. `created` is false for a known dedupe key. */
export async function enqueueJob(
  input: EnqueueJobInput,
): Promise<{ id: number; created: boolean }> {
  const job = enqueueJobSchema.parse(input);
  const definition = jobKindDefinitions[job.kind];
  if (!definition.resources.includes(input.resource.type)) {
    throw new AppError(
      "bad_request",
      `A ${job.kind} job works on ${definition.resources.join(" or ")}, not ${input.resource.type}.`,
    );
  }
  const { id, created } = await insertJob(
    {
      kind: job.kind,
      spec: job.spec,
      requiredLabels: requiredLabels(job.spec, job.labels),
      npuCount: job.npuCount,
      timeoutSeconds: job.timeoutSeconds ?? definition.timeoutSeconds,
      maxAttempts: job.maxAttempts ?? defaultMaxAttempts(job.kind),
      grants: job.grants,
      createdBy: input.createdBy,
      retryOf: input.retryOf ?? null,
      dedupeKey: input.dedupeKey ?? null,
      ...resourceColumns(input.resource),
    },
    new Date(),
  );
  if (created) notifyQueueChanged();
  return { id, created };
}
