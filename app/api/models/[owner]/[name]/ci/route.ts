// GET /api/models/{owner}/{name}/ci – the model's CI results; POST – start a run (writers)
import { route } from "@/lib/http/route";
import { listModelCi } from "@/lib/model-ci/results";
import { startModelCi, startModelCiSchema } from "@/lib/model-ci/start";

type Params = { owner: string; name: string };

export const GET = route<Params>({ access: "public" }, async (_request, { caller, params }) =>
  Response.json(await listModelCi(caller, params)),
);

export const POST = route<Params, "user">(
  { access: "user" },
  async (request, { caller, params }) => {
    const input = startModelCiSchema.parse(await request.json());
    const { runId } = await startModelCi(caller, params, input);
    const { model_ci } = await listModelCi(caller, params);
    return Response.json(
      { run_id: runId, model_ci: model_ci.filter((r) => r.run_id === runId) },
      {
        status: 201,
      },
    );
  },
);
