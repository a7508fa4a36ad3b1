// POST /api/jobs/{id}/cancel – cancel a queued or running job
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { cancelJob } from "@/lib/jobs/job-control";

export const POST = route<{ id: string }, "user">(
  { access: "user" },
  async (_request, { caller, params }) => {
    return Response.json(await cancelJob(caller, parseId(params.id)));
  },
);
