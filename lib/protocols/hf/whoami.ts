import "server-only";

import { listUserOrgs } from "@/db/queries/orgs";
import { findTokenDetails } from "@/db/queries/token-status";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";

import { hfObjectId } from "./repo-json";

/**
 * `GET /api/whoami-v2`. The JS client reads `auth.accessToken?.createdAt` and fails when `auth` is
 * missing; Python reads `name` and `auth.accessToken.role`.
 */
export async function whoAmIV2(caller: Caller | null): Promise<Response> {
  if (!caller)
    throw new AppError(
      "unauthorized",
      "Invalid credentials in Authorization header: send a token.",
    );
  const orgs = await listUserOrgs(caller.id);
  const token = caller.auth.type === "token" ? await findTokenDetails(caller.auth.tokenId) : null;
  return Response.json({
    type: "user",
    id: hfObjectId(caller.id),
    name: caller.name,
    fullname: caller.displayName ?? caller.name,
    email: null,
    emailVerified: false,
    isPro: false,
    canPay: false,
    avatarUrl: "",
    periodEnd: null,
    billingMode: "postpaid",
    orgs: orgs.map((org) => ({
      type: "org",
      id: hfObjectId(org.id),
      name: org.name,
      fullname: org.displayName ?? org.name,
      email: null,
      canPay: false,
      avatarUrl: "",
      periodEnd: null,
      roleInOrg: org.role,
    })),
    auth:
      caller.auth.type === "token"
        ? {
            type: "access_token",
            accessToken: {
              displayName: token?.name ?? "",
              role: caller.auth.scope,
              createdAt: (token?.createdAt ?? new Date(0)).toISOString(),
            },
          }
        : { type: "session" },
  });
}
