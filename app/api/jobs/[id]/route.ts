// GET /api/jobs/{id} – a job's state, runner, timings, exit code and reason (and why it waits, when queued)
import { route } from "@/lib/http/route";
import { loadJobFor, parseId } from "@/lib/jobs/job-access";
import { jobDetailView } from "@/lib/jobs/overview";

export const GET = route<{ id: string }>({}, async (_request, { caller, params }) => {
  const job = await loadJobFor(caller, parseId(params.id), "read");
  return Response.json(await jobDetailView(job), { headers: { "Cache-Control": "no-store" } });
});
