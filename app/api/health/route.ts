// GET /api/health – liveness and database check for load balancers and test harnesses
import { isHealthy } from "@/lib/server/health";

export async function GET(): Promise<Response> {
  if (await isHealthy()) {
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  }
  return Response.json({ status: "error", error: "Database unavailable." }, { status: 503 });
}
