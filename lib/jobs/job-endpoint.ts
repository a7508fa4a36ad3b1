import "server-only";

import { findLiveJobEndpoint, setJobEndpoint } from "@/db/queries/job-endpoints";
import type { JobRunView } from "@/db/queries/job-runs";
import { AppError } from "@/lib/errors";

import { resourceRefFromColumns } from "./job-resource";
import { jobKindDefinitions } from "./kinds";
import { notifyJobChanged } from "./notifier";
import type { EndpointResponse } from "./protocol";
import { endpointRequestSchema } from "./protocol-schemas";

/** The runner's report that the job's service step answers at `url` (see `authenticateJobCall`). */
export async function reportJobEndpoint(job: JobRunView, body: unknown): Promise<EndpointResponse> {
  const input = endpointRequestSchema.parse(body);
  const stored =
    input.attempt === job.attempt &&
    (await setJobEndpoint({ jobId: job.id, attempt: input.attempt, url: input.url }));
  if (!stored) {
    throw new AppError("conflict", "This attempt is no longer running; stop its service.");
  }
  notifyJobChanged(job.id);
  await jobKindDefinitions[job.kind].onServing?.({
    id: job.id,
    resource: resourceRefFromColumns(job.resourceType, job.resourceId),
  });
  return { url: input.url };
}

/**
 * Where a job's service answers right now, or null (not running, being cancelled, no endpoint
 * reported yet). For the Space proxy, which decides itself who may reach the Space.
 */
export async function findJobEndpoint(jobId: number, now = new Date()): Promise<string | null> {
  return findLiveJobEndpoint(jobId, now);
}
