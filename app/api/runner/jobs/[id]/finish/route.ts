// POST /api/runner/jobs/{id}/finish – the attempt's outcome (idempotent); 412 + size when log bytes are missing; may answer the runner's next job
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { finishJob } from "@/lib/jobs/job-runs";
import { authenticateJobRunner } from "@/lib/jobs/job-token";

export const POST = route<{ id: string }>({}, async (request, { params }) => {
  const { job, runner } = await authenticateJobRunner(request, parseId(params.id));
  const result = await finishJob(job, await readJsonBody(request), {
    runner,
    signal: request.signal,
  });
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
