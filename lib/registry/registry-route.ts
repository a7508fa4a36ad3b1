import "server-only";

import { findUserById } from "@/db/queries/owners";
import { findLiveTokenScope } from "@/db/queries/token-status";
import { resolveCaller } from "@/lib/auth/caller";
import { toAppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

import type { RegistryPrincipal, RegistryRequester } from "./access";
import { registryService } from "./challenge";
import { RegistryError, renderRegistryError } from "./errors";
import { looksLikeJobCredential, verifyJobCredential } from "./job-credentials";
import { looksLikeRegistryToken, verifyRegistryToken } from "./registry-token";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RegistryHandler = (request: Request, requester: RegistryRequester) => Promise<Response>;

const unauthorized = () =>
  new RegistryError(
    "UNAUTHORIZED",
    "Invalid credentials: log in again with your user name and an access token.",
  );

async function principalFromToken(
  subject: string,
  claims: { scp?: "read" | "write"; tid?: number },
) {
  if (subject === "") return { type: "anonymous" } satisfies RegistryPrincipal;
  const [kind, id = ""] = subject.split(":", 2);
  if (kind === "job") return null; // job principals carry their grants in the token's access claim
  const user = kind === "user" && /^\d+$/.test(id) ? await findUserById(Number(id)) : null;
  if (!user) throw unauthorized();
  // A bearer token outlives nothing it was made from: revoking the access token stops it at once.
  if (claims.tid !== undefined && !(await findLiveTokenScope(user.id, claims.tid))) {
    throw unauthorized();
  }
  return {
    type: "user",
    caller: {
      ...user,
      auth: { type: "token", scope: claims.scp ?? "read", tokenId: claims.tid ?? 0 },
    },
  } satisfies RegistryPrincipal;
}

/**
 * Credentials the shared caller resolution does not know: registry bearer tokens and build-job
 * credentials. Null leaves the request to `route()` (access tokens, sessions, anonymous).
 */
async function registryRequester(request: Request): Promise<RegistryRequester | null> {
  const header = request.headers.get("authorization")?.trim() ?? "";
  const [scheme = "", value = ""] = header.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme) && looksLikeRegistryToken(value)) {
    const claims = verifyRegistryToken(value, registryService());
    const principal: RegistryPrincipal = (await principalFromToken(claims.sub, claims)) ?? {
      type: "job",
      jobId: claims.sub.slice("job:".length),
      grants: claims.access,
    };
    return { principal, cap: claims.access };
  }
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const secret = decoded.slice(decoded.indexOf(":") + 1);
    if (!looksLikeJobCredential(secret)) return null;
    const job = await verifyJobCredential(secret);
    if (!job) throw unauthorized();
    return { principal: { type: "job", jobId: job.jobId, grants: job.grants }, cap: null };
  }
  return null;
}

/** Whoever sent a request, by any credential the registry accepts (throws 401 for bad ones). */
export async function resolveRegistryRequester(request: Request): Promise<RegistryRequester> {
  const special = await registryRequester(request);
  if (special) return special;
  const caller = await resolveCaller(request);
  return { principal: caller ? { type: "user", caller } : { type: "anonymous" }, cap: null };
}

/** The same request without credentials, so `route()` does not try them as an access token. */
function withoutCredentials(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete("authorization");
  headers.delete("cookie");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : null,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

const preResolved = new WeakMap<Request, RegistryRequester>();

/**
 * `route()` for registry endpoints: errors in the registry's JSON shape with a Bearer challenge, and
 * requesters that may also be registry tokens or job credentials.
 */
export function registryRoute(handler: RegistryHandler) {
  const inner = route(
    { access: "public", renderError: renderRegistryError },
    async (request, { caller }) => {
      const requester: RegistryRequester = preResolved.get(request) ?? {
        principal: caller ? { type: "user", caller } : { type: "anonymous" },
        cap: null,
      };
      return handler(request, requester);
    },
  );
  return async (request: Request, ctx: RouteContext): Promise<Response> => {
    let requester: RegistryRequester | null;
    try {
      requester = await registryRequester(request);
    } catch (error) {
      return renderRegistryError(toAppError(error), request);
    }
    if (!requester) return inner(request, ctx as never);
    const forwarded = withoutCredentials(request);
    preResolved.set(forwarded, requester);
    return inner(forwarded, ctx as never);
  };
}
