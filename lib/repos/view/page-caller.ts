import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getSessionUser } from "@/lib/auth/session";

/** The caller of a page or server component: the signed-in browser user, or null. */
export async function pageCaller(): Promise<Caller | null> {
  const user = await getSessionUser();
  return user ? { ...user, auth: { type: "session" } } : null;
}
