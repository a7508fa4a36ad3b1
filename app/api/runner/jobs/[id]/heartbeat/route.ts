// POST /api/runner/jobs/{id}/heartbeat – renew the job's lease; the answer says whether to cancel
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { heartbeatJob } from "@/lib/jobs/job-runs";
import { authenticateJobCall } from "@/lib/jobs/job-token";

export const POST = route<{ id: string }>({}, async (request, { params }) => {
  const job = await authenticateJobCall(request, parseId(params.id));
  return Response.json(await heartbeatJob(job));
});
