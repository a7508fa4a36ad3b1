import "server-only";

import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";

import { findUserById, type UserSummary } from "@/db/queries/owners";

import { sessionCookieMarker } from "./caller-cookie";
import { authOptions } from "./options";

/**
 * The signed-in user of this request (browser session), read fresh from the database so that a
 * deleted account or a changed admin flag takes effect at once. Memoised per request.
 */
export const getSessionUser = cache(async (): Promise<UserSummary | null> => {
  // Reading cookies first also marks the page dynamic before any configuration is touched.
  const hasSessionCookie = (await cookies())
    .getAll()
    .some((c) => c.name.includes(sessionCookieMarker));
  if (!hasSessionCookie) return null;
  const session = await getServerSession(authOptions());
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return findUserById(id);
});
