// GET /api/runners/tokens – registration tokens · POST – create one (shown once) (admins)
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import {
  createRegistrationToken,
  createRegistrationTokenSchema,
  listRegistrationTokens,
} from "@/lib/jobs/registration-tokens";

export const GET = route({ access: "admin" }, async () => {
  return Response.json({ tokens: await listRegistrationTokens() });
});

export const POST = route({ access: "admin" }, async (request, { caller }) => {
  const input = createRegistrationTokenSchema.parse(await readJsonBody(request));
  const token = await createRegistrationToken({ ...input, createdBy: caller.id });
  return Response.json(token, { status: 201, headers: { "Cache-Control": "no-store" } });
});
