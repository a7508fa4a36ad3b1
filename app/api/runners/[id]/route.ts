// DELETE /api/runners/{id} – remove a runner: its token stops working, its jobs are reaped (admins)
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { removeRunner } from "@/lib/jobs/runner-registry";

export const DELETE = route<{ id: string }, "admin">(
  { access: "admin" },
  async (_request, { caller, params }) => {
    await removeRunner(parseId(params.id, "Runner"), caller.id);
    return new Response(null, { status: 204 });
  },
);
