// POST /api/runner/jobs/{id}/endpoint – the URL where the running attempt's service step answers
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { reportJobEndpoint } from "@/lib/jobs/job-endpoint";
import { authenticateJobCall } from "@/lib/jobs/job-token";

export const POST = route<{ id: string }>({}, async (request, { params }) => {
  const job = await authenticateJobCall(request, parseId(params.id));
  return Response.json(await reportJobEndpoint(job, await readJsonBody(request)));
});
