// POST /api/runner/heartbeat – the runner is alive (and re-declares labels, capacity, NPUs)
import { route } from "@/lib/http/route";
import { readJsonBody } from "@/lib/http/request-body";
import { authenticateRunner, recordRunnerHeartbeat } from "@/lib/jobs/runner-registry";

export const POST = route({}, async (request) => {
  const runner = await authenticateRunner(request);
  return Response.json(await recordRunnerHeartbeat(runner, await readJsonBody(request)));
});
