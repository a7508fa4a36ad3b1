// GET /api/health – liveness and database check for load balancers and test harnesses
import { checkDatabase } from "@/db/queries/health";

export async function GET(): Promise<Response> {
  try {
    await checkDatabase();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", error: "Database unavailable." }, { status: 503 });
  }
}
