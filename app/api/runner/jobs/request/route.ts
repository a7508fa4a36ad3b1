// POST /api/runner/jobs/request – long poll: 201 with a claimed job, 204 when none arrived in time
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { requestJob } from "@/lib/jobs/request-job";
import { authenticateRunner } from "@/lib/jobs/runner-registry";

export const POST = route({}, async (request) => {
  const runner = await authenticateRunner(request);
  const job = await requestJob(runner, await readJsonBody(request), request.signal);
  if (!job) return new Response(null, { status: 204 });
  return Response.json(job, { status: 201, headers: { "Cache-Control": "no-store" } });
});
