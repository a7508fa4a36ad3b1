import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { findUserById, type UserSummary } from "@/db/queries/owners";

import { authOptions } from "./options";

/**
 * The signed-in user of this request (browser session), read fresh from the database so that a
 * deleted account or a changed admin flag takes effect at once. Memoised per request.
 */
export const getSessionUser = cache(async (): Promise<UserSummary | null> => {
  const session = await getServerSession(authOptions());
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return findUserById(id);
});
