// GET /api/jobs/{id}/log/stream – the log as server-sent events: stored bytes, live appends, then `end`
import { route } from "@/lib/http/route";
import { loadJobFor, parseId } from "@/lib/jobs/job-access";
import { jobLogEventStream, resumeOffset, sseHeaders } from "@/lib/jobs/log-stream";

export const GET = route<{ id: string }>({}, async (request, { caller, params }) => {
  const job = await loadJobFor(caller, parseId(params.id), "read");
  return new Response(jobLogEventStream(job.id, resumeOffset(request), request.signal), {
    headers: sseHeaders,
  });
});
