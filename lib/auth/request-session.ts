import "server-only";

import { getToken } from "next-auth/jwt";

import { findUserById, type UserSummary } from "@/db/queries/owners";
import { getConfig } from "@/lib/config";

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(value);
    } catch {
      cookies[name] ??= value;
    }
  }
  return cookies;
}

/**
 * The signed-in user of a request's session cookie, read from the request itself rather than from
 * Next's request scope, so that it works in a route handler Next runs and in one the protocol front
 * runs (and for a WebSocket upgrade). Same cookie, secret and decoding as `getServerSession`; the
 * account is read fresh from the database, so a deleted account or a changed admin flag counts at once.
 */
export async function sessionUserOfRequest(request: Request): Promise<UserSummary | null> {
  const token = await getToken({
    // Only the cookie: a Bearer header is an access token here, never a session.
    req: { cookies: parseCookies(request.headers.get("cookie")), headers: {} } as never,
    // The secret `authOptions()` gives next-auth (whose providers this needs not load).
    secret: getConfig().authSecret,
  });
  const id = Number(token?.sub);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return findUserById(id);
}
