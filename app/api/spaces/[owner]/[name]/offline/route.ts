// GET /api/spaces/{owner}/{name}/offline – the commands to pull and run a Space's image locally
import { route } from "@/lib/http/route";
import { offlineCommands } from "@/lib/spaces/offline";

type Params = { owner: string; name: string };

export const GET = route<Params>({ access: "public" }, async (_request, { caller, params }) =>
  Response.json(
    await offlineCommands(caller, { type: "space", owner: params.owner, name: params.name }),
  ),
);
