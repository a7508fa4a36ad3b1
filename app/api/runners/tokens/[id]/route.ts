// DELETE /api/runners/tokens/{id} – revoke a registration token (admins)
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/jobs/job-access";
import { revokeRegistrationToken } from "@/lib/jobs/registration-tokens";

export const DELETE = route<{ id: string }, "admin">(
  { access: "admin" },
  async (_request, { caller, params }) => {
    await revokeRegistrationToken(parseId(params.id, "Registration token"), caller.id);
    return new Response(null, { status: 204 });
  },
);
