import "server-only";

import { z } from "zod";

import { insertAudit } from "@/db/queries/audit";

import { enqueueJob } from "./enqueue";
import { labelsSchema, parseLabelList } from "./labels";
import { imageRefSchema } from "./protocol-schemas";

export const diagnosticJobSchema = z.object({
  /** `hardware=cpu,arch=arm64` or a map. */
  labels: z.union([z.string().transform(parseLabelList), labelsSchema]),
  script: z
    .string()
    .min(1, "Give the script to run.")
    .max(64 * 1024),
  /** Run the script in this image (docker runners) instead of on the host. */
  image: imageRefSchema.optional(),
  npuCount: z.number().int().min(0).max(64).default(0),
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(600),
});

/**
 * Queues an admin's diagnostic script (e.g. `npu-smi info`) on a runner matching `labels`. The job
 * belongs to the site (`system`), so only administrators see its log.
 */
export async function enqueueDiagnosticJob(
  input: z.input<typeof diagnosticJobSchema> & { createdBy: number | null },
): Promise<{ id: number }> {
  const job = diagnosticJobSchema.parse(input);
  const created = await enqueueJob({
    kind: "diagnostic",
    spec: {
      steps: [
        {
          type: "script",
          name: "diagnostic",
          script: job.script,
          ...(job.image ? { image: job.image } : {}),
        },
      ],
    },
    labels: job.labels,
    npuCount: job.npuCount,
    timeoutSeconds: job.timeoutSeconds,
    resource: { type: "system" },
    createdBy: input.createdBy,
  });
  await insertAudit({
    actorId: input.createdBy,
    action: "job.diagnostic",
    target: `job:${created.id}`,
    details: { labels: job.labels },
  });
  return created;
}
