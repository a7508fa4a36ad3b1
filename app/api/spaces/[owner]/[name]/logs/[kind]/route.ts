// GET /api/spaces/{owner}/{name}/logs/build|run – a Space's build or app log as server-sent events
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { spaceLogResponse } from "@/lib/spaces/logs";

type Params = { owner: string; name: string; kind: string };

export const GET = route<Params>({ access: "public" }, async (request, { caller, params }) => {
  if (params.kind !== "build" && params.kind !== "run") {
    throw new AppError("not_found", "Not found.");
  }
  return spaceLogResponse(
    request,
    caller,
    { type: "space", owner: params.owner, name: params.name },
    params.kind,
  );
});
