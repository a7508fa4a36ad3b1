import "server-only";

import { listUserOrgs } from "@/db/queries/orgs";
import type { UserSummary } from "@/db/queries/owners";

/** The namespaces a user can create repositories in: their own, then organisations where they can write. */
export async function writableOwners(user: Pick<UserSummary, "id" | "name">): Promise<string[]> {
  const orgs = await listUserOrgs(user.id);
  return [
    user.name,
    ...orgs.filter((org) => org.role === "write" || org.role === "admin").map((org) => org.name),
  ];
}
