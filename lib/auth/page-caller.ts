import "server-only";

import { cache } from "react";

import type { Caller } from "./caller";
import { getSessionUser } from "./session";

/**
 * The caller of a page or server component: the signed-in browser user, or null. Cached per
 * request, so a layout and its page resolve the session once.
 */
export const pageCaller = cache(async (): Promise<Caller | null> => {
  const user = await getSessionUser();
  return user ? { ...user, auth: { type: "session" } } : null;
});
