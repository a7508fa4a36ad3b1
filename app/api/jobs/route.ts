// GET /api/jobs – jobs for admins (newest first; queued ones say why they wait) · POST – queue a diagnostic job
import { z } from "zod";

import { jobStates } from "@/db/schema/job-enums";
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { diagnosticJobSchema, enqueueDiagnosticJob } from "@/lib/jobs/diagnostic";
import { listJobsOverview } from "@/lib/jobs/overview";

const listQuery = z.object({
  state: z.array(z.enum(jobStates)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

export const GET = route({ access: "admin" }, async (request) => {
  const params = new URL(request.url).searchParams;
  const query = listQuery.parse({
    state: params
      .getAll("state")
      .flatMap((s) => s.split(","))
      .filter(Boolean),
    limit: params.get("limit") ?? undefined,
    before: params.get("before") ?? undefined,
  });
  const jobs = await listJobsOverview({
    states: query.state,
    limit: query.limit,
    before: query.before,
  });
  return Response.json({ jobs });
});

// Only diagnostic jobs are queued by hand; other kinds come from Spaces, CI and image builds.
const createBody = diagnosticJobSchema.extend({
  kind: z.literal("diagnostic").default("diagnostic"),
});

export const POST = route({ access: "admin" }, async (request, { caller }) => {
  const { kind: _kind, ...input } = createBody.parse(await readJsonBody(request));
  const job = await enqueueDiagnosticJob({ ...input, createdBy: caller.id });
  return Response.json({ id: job.id, url: `/jobs/${job.id}` }, { status: 201 });
});
