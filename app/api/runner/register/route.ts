// POST /api/runner/register – trade a registration token for a runner token
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { registerRunner } from "@/lib/jobs/runner-registry";

export const POST = route({}, async (request) => {
  const runner = await registerRunner(await readJsonBody(request));
  return Response.json(runner, { status: 201 });
});
