// POST /api/runner/heartbeat – the runner is alive (and re-declares labels, capacity, NPUs)
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { authenticateRunner, recordRunnerHeartbeat } from "@/lib/jobs/runner-registry";

export const POST = route({}, async (request) => {
  const runner = await authenticateRunner(request);
  return Response.json(await recordRunnerHeartbeat(runner, await readJsonBody(request)));
});
