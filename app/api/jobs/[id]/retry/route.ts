// POST /api/jobs/{id}/retry – run an ended job again as a new job
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { retryJob } from "@/lib/jobs/job-control";

export const POST = route<{ id: string }, "user">(
  { access: "user" },
  async (_request, { caller, params }) => {
    const job = await retryJob(caller, parseId(params.id));
    return Response.json({ id: job.id, url: `/jobs/${job.id}` }, { status: 201 });
  },
);
