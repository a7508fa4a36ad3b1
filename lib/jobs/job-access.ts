import "server-only";

import { findJobRecord, type JobRecord } from "@/db/queries/jobs";
import type { Caller } from "@/lib/auth/caller";
import { allowedActions, assertCan, type Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

import { jobOwnedResource, resourceRefFromColumns } from "./job-resource";

/** A numeric id from a URL segment; anything else is "not found" (there is no such thing). */
export function parseId(value: string, what = "Job"): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new AppError("not_found", `${what} not found.`);
  }
  return id;
}

/**
 * Loads a job the caller may `action` (read: view it and its log; write: cancel, retry). Access is
 * decided on what the job works on; a job the caller may not even read is reported missing.
 */
export async function loadJobFor(
  caller: Caller | null,
  jobId: number,
  action: Action,
): Promise<JobRecord> {
  const job = await findJobRecord(jobId);
  if (!job) throw new AppError("not_found", "Job not found.");
  const resource = await jobOwnedResource(resourceRefFromColumns(job.resourceType, job.resourceId));
  await assertCan(caller, action, resource, "Job");
  return job;
}

/**
 * For the job page: the job (404 unless the caller may read it) and whether the caller may
 * control it (cancel, retry), decided by the same permission function the API uses.
 */
export async function loadJobForPage(
  caller: Caller | null,
  jobId: number,
): Promise<{ job: JobRecord; canControl: boolean }> {
  const job = await findJobRecord(jobId);
  if (!job) throw new AppError("not_found", "Job not found.");
  const resource = await jobOwnedResource(resourceRefFromColumns(job.resourceType, job.resourceId));
  const allowed = await allowedActions(caller, resource);
  if (!allowed.has("read")) throw new AppError("not_found", "Job not found.");
  return { job, canControl: allowed.has("write") };
}
