"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { cancelJob, retryJob } from "@/lib/jobs/job-control";

const jobIdSchema = z.object({ jobId: z.coerce.number().int().positive() });

// Both check write access on what the job works on (cancelJob / retryJob → loadJobFor).
export const cancelJobAction = defineAction(
  { schema: jobIdSchema },
  async ({ jobId }, { caller }) => cancelJob(caller, jobId),
);

export const retryJobAction = defineAction(
  { schema: jobIdSchema },
  async ({ jobId }, { caller }) => {
    const created = await retryJob(caller, jobId);
    redirect(`/jobs/${created.id}`);
  },
);
