import { randomBytes } from "node:crypto";

import { insertOrganization } from "@/db/queries/orgs";
import { insertUser, type UserSummary } from "@/db/queries/owners";
import type { Caller } from "@/lib/auth/caller";

export function uniqueName(prefix = "u"): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/** A user row without the cost of hashing a password. */
export async function makeUser(
  overrides: { name?: string; isAdmin?: boolean } = {},
): Promise<UserSummary> {
  return insertUser({
    name: overrides.name ?? uniqueName(),
    passwordHash: null,
    isAdmin: overrides.isAdmin ?? false,
  });
}

export function sessionCaller(user: UserSummary): Caller {
  return { ...user, auth: { type: "session" } };
}

export function tokenCaller(user: UserSummary, scope: "read" | "write"): Caller {
  return { ...user, auth: { type: "token", scope, tokenId: 0 } };
}

export async function makeOrg(creator: UserSummary, name = uniqueName("org")) {
  return insertOrganization({ name, displayName: null, creatorId: creator.id });
}
