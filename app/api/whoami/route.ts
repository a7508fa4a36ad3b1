// GET /api/whoami – the identity of the caller (access token or session); 401 otherwise
import { describeCaller } from "@/lib/accounts/whoami";
import { route } from "@/lib/http/route";

export const GET = route({ access: "user" }, async (_request, { caller }) => {
  return Response.json(await describeCaller(caller), { headers: { "Cache-Control": "no-store" } });
});
