import "server-only";

import { redirect } from "next/navigation";

import type { UserSummary } from "@/db/queries/owners";

import { getSessionUser } from "./session";

/**
 * For pages only: the signed-in user, or a redirect to sign-in that comes back here. This is a
 * convenience for navigation; every action and route still checks on its own.
 */
export async function requireSessionUser(returnTo: string): Promise<UserSummary> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
