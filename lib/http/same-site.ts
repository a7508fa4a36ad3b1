import "server-only";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

const readOnlyMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Writes with a browser session must come from our own pages: a request another site makes the
 * browser send (with its cookies) is refused. Browsers say where a request comes from in
 * `Sec-Fetch-Site`, and older ones still send `Origin` with every cross-origin write; a request
 * with neither was not made by a page. Access tokens are never attached by browsers on their own,
 * so token requests pass.
 */
export function assertSameSiteWrite(request: Request, auth: { type: string } | null): void {
  if (auth?.type !== "session" || readOnlyMethods.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const fromUs = site
    ? site === "same-origin" || site === "none"
    : origin === null ||
      origin === new URL(request.url).origin ||
      origin === new URL(getConfig().publicUrl).origin;
  if (!fromUs)
    throw new AppError("forbidden", "Requests from other sites cannot change anything here.");
}
