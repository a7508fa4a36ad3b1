// POST /api/repos/{models|datasets}/{owner}/{name}/uploads – stage one file (raw body) for a later commit · DELETE – drop staged files ({ ids })
import { z } from "zod";

import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { addressOf } from "@/lib/repos/http/address";
import { discardUploads, stageUpload } from "@/lib/repos/uploads/stage";

type Params = { type: string; owner: string; name: string };

export const POST = route<Params, "user">(
  { access: "user" },
  async (request, { caller, params }) => {
    const declared = request.headers.get("content-length");
    const staged = await stageUpload(caller, addressOf(params), request.body, {
      contentLength: declared && /^\d+$/.test(declared) ? Number(declared) : null,
    });
    return Response.json(staged, { status: 201 });
  },
);

const discardBody = z.object({ ids: z.array(z.uuid()).min(1).max(1000) });

export const DELETE = route<Params, "user">(
  { access: "user" },
  async (request, { caller, params }) => {
    addressOf(params);
    const { ids } = discardBody.parse(await readJsonBody(request));
    return Response.json({ discarded: await discardUploads(caller, ids) });
  },
);
