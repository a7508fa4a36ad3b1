// GET /api/jobs/{id} – a job's state, runner, timings, exit code and reason
import { route } from "@/lib/http/route";
import { loadJobFor, parseId } from "@/lib/jobs/job-access";
import { toJobView } from "@/lib/jobs/job-view";

export const GET = route<{ id: string }>({}, async (_request, { caller, params }) => {
  const job = await loadJobFor(caller, parseId(params.id), "read");
  return Response.json(toJobView(job), { headers: { "Cache-Control": "no-store" } });
});
