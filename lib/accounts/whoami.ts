import "server-only";

import { listUserOrgs } from "@/db/queries/orgs";
import type { Caller } from "@/lib/auth/caller";

export type WhoAmI = {
  name: string;
  type: "user";
  fullname: string | null;
  isAdmin: boolean;
  orgs: { name: string; fullname: string | null; role: string }[];
  auth: { type: "session" } | { type: "token"; scope: "read" | "write" };
};

/** The identity behind a request, as `/api/whoami` and the HF `whoami-v2` endpoint report it. */
export async function describeCaller(caller: Caller): Promise<WhoAmI> {
  const orgs = await listUserOrgs(caller.id);
  return {
    name: caller.name,
    type: "user",
    fullname: caller.displayName,
    isAdmin: caller.isAdmin,
    orgs: orgs.map((org) => ({ name: org.name, fullname: org.displayName, role: org.role })),
    auth:
      caller.auth.type === "token"
        ? { type: "token", scope: caller.auth.scope }
        : { type: "session" },
  };
}
