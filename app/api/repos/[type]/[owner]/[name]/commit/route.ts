// POST /api/repos/{models|datasets}/{owner}/{name}/commit – one commit of staged uploads, edited text and deletions
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { addressOf } from "@/lib/repos/http/address";
import { commitWebChanges } from "@/lib/repos/uploads/commit";
import { maxCommitRequestBytes } from "@/lib/repos/uploads/limits";

type Params = { type: string; owner: string; name: string };

export const POST = route<Params, "user">(
  { access: "user" },
  async (request, { caller, params }) => {
    const address = addressOf(params);
    const result = await commitWebChanges(
      caller,
      address,
      await readJsonBody(request, maxCommitRequestBytes),
    );
    return Response.json(result, { status: 201 });
  },
);
