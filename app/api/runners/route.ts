// GET /api/runners – runners with status, labels, NPUs used/free and current jobs (admins)
import { route } from "@/lib/http/route";
import { listRunnersOverview } from "@/lib/jobs/overview";

export const GET = route({ access: "admin" }, async () => {
  return Response.json({ runners: await listRunnersOverview() });
});
