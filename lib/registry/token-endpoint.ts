import "server-only";

import { clientIp } from "@/lib/auth/client-ip";
import { checkRateLimit, recordRateLimitHit, type RateLimit } from "@/lib/auth/rate-limit";

import type { RegistryRequester } from "./access";
import { RegistryError, renderRegistryError } from "./errors";
import { readBoundedBody } from "./read-body";
import { registryRoute, resolveRegistryRequester } from "./registry-route";
import { registryJson } from "./responses";
import { issueRegistryToken } from "./token-service";

/** Failed logins per client address before the token endpoint answers 429 for a while. */
const failedLogins: RateLimit = { limit: 30, windowMs: 5 * 60_000 };

const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** GET /v2/token?service=&scope=…: HTTP Basic (user name + access token) or nothing, for anonymous pulls. */
async function tokenByQuery(request: Request, requester: RegistryRequester): Promise<Response> {
  if (requester.cap)
    throw new RegistryError(
      "UNAUTHORIZED",
      "Authenticate with your user name and an access token.",
    );
  const issued = await issueRegistryToken(
    requester.principal,
    new URL(request.url).searchParams.getAll("scope"),
  );
  return registryJson(
    request,
    {
      token: issued.token,
      access_token: issued.token,
      expires_in: issued.expiresIn,
      issued_at: issued.issuedAt,
    },
    { headers: noStore },
  );
}

/** POST /v2/token with an OAuth2 password-grant form (what OAuth-style registry clients send). */
async function tokenByForm(request: Request): Promise<Response> {
  const form = new URLSearchParams(
    (await readBoundedBody(request, 64 * 1024, "token request")).toString("utf8"),
  );
  if (form.get("grant_type") !== "password") {
    throw new RegistryError(
      "UNSUPPORTED",
      "Only grant_type=password is supported; use your access token as the password.",
      {
        status: 400,
      },
    );
  }
  const basic = Buffer.from(`${form.get("username") ?? ""}:${form.get("password") ?? ""}`).toString(
    "base64",
  );
  const requester = await resolveRegistryRequester(
    new Request(request.url, { headers: { authorization: `Basic ${basic}` } }),
  );
  if (requester.principal.type === "anonymous")
    throw new RegistryError("UNAUTHORIZED", "Send a user name and an access token.");
  const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
  const issued = await issueRegistryToken(requester.principal, scopes);
  return registryJson(
    request,
    {
      access_token: issued.token,
      token_type: "Bearer",
      expires_in: issued.expiresIn,
      issued_at: issued.issuedAt,
      scope: scopes.join(" "),
    },
    { headers: noStore },
  );
}

const handle = registryRoute((request, requester) =>
  request.method === "POST" ? tokenByForm(request) : tokenByQuery(request, requester),
);

/**
 * The token endpoint, with failed logins counted per client address so that access tokens cannot
 * be guessed at speed.
 */
export async function handleTokenRequest(
  request: Request,
  ctx: Parameters<typeof handle>[1],
): Promise<Response> {
  const key = `registry-token:${clientIp(request.headers)}`;
  const state = await checkRateLimit(key, failedLogins);
  if (!state.allowed) {
    return renderRegistryError(
      new RegistryError("TOOMANYREQUESTS", "Too many failed logins; try again later.", {
        headers: { "Retry-After": String(state.retryAfterSeconds) },
      }),
      request,
    );
  }
  const response = await handle(request, ctx);
  if (response.status === 401) await recordRateLimitHit(key, failedLogins);
  return response;
}
