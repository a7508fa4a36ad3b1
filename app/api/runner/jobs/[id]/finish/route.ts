// POST /api/runner/jobs/{id}/finish – the attempt's outcome (idempotent); 412 + size when log bytes are missing
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { finishJob } from "@/lib/jobs/job-runs";
import { authenticateJobCall } from "@/lib/jobs/job-token";

export const POST = route<{ id: string }>({}, async (request, { params }) => {
  const job = await authenticateJobCall(request, parseId(params.id));
  const result = await finishJob(job, await readJsonBody(request));
  if (result.status === 412) {
    return Response.json(
      {
        error: `The server has ${result.body.size} bytes of log; send the rest, then finish again.`,
        code: "precondition_failed",
        ...result.body,
      },
      { status: 412 },
    );
  }
  return Response.json(result.body);
});
