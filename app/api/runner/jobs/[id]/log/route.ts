// PATCH /api/runner/jobs/{id}/log – append a log chunk at a byte offset (Content-Range); 416 + size on mismatch
import { readCappedBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { appendJobLogChunk, parseContentRange } from "@/lib/jobs/job-runs";
import { authenticateJobCall } from "@/lib/jobs/job-token";
import { getJobSettings } from "@/lib/jobs/settings";

export const PATCH = route<{ id: string }>({}, async (request, { params }) => {
  const job = await authenticateJobCall(request, parseId(params.id));
  const range = parseContentRange(request.headers.get("content-range"));
  const bytes = await readCappedBody(request, getJobSettings().logChunkMaxBytes);
  const result = await appendJobLogChunk(job, range, bytes);
  const headers = { Range: `0-${result.body.size}` };
  if (result.status === 416) {
    return Response.json(
      {
        error: `The log has ${result.body.size} bytes; send from there.`,
        code: "range_not_satisfiable",
        ...result.body,
      },
      { status: 416, headers },
    );
  }
  return Response.json(result.body, { status: 202, headers });
});
