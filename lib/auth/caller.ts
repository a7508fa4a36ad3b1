import "server-only";

import type { UserSummary } from "@/db/queries/owners";
import type { TokenScope } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";

import { verifyJobToken } from "@/lib/jobs/job-token";
import type { JobGrants } from "@/lib/jobs/protocol";
import { looksLikeSecret } from "@/lib/jobs/secrets";

import { verifyAccessToken } from "./access-tokens";
import { sessionCookieMarker } from "./caller-cookie";
import { sessionUserOfRequest } from "./request-session";

type CallerAuth =
  | { type: "session" }
  | { type: "token"; scope: TokenScope; tokenId: number }
  /**
   * A running job's token: no user at all, only the repositories its grants name (see
   * `repoActions`), only for reading them, and only while that attempt runs.
   */
  | { type: "job"; jobId: number; attempt: number; grants: JobGrants };

/** Whoever made a request: a signed-in browser, the holder of an access token, or a running job. */
export type Caller = UserSummary & { auth: CallerAuth };

export function callerCanWrite(caller: Caller): boolean {
  return (
    caller.auth.type === "session" ||
    (caller.auth.type === "token" && caller.auth.scope === "write")
  );
}

/**
 * The caller a verified job token stands for. Id 0 belongs to no account, and `allowedActions`
 * gives a job nothing personal, so it can never pass for a user (or for the admins-only owner 0).
 */
export function jobCaller(job: { jobId: number; attempt: number; grants: JobGrants }): Caller {
  return {
    id: 0,
    name: `job-${job.jobId}`,
    displayName: null,
    isAdmin: false,
    auth: { type: "job", jobId: job.jobId, attempt: job.attempt, grants: job.grants },
  };
}

/**
 * The one check for acting as a site administrator (queueing jobs, managing runners, …): an admin
 * account with write scope. A read-only token of an admin may look at what admins see, never act.
 */
export function assertActsAsAdmin(caller: Caller | null): void {
  if (!caller?.isAdmin) throw new AppError("forbidden", "Only site administrators can do this.");
  if (!callerCanWrite(caller)) {
    throw new AppError(
      "forbidden",
      "This access token is read-only; use a token with write scope.",
    );
  }
}

/** The token in an `Authorization` header: `Bearer <token>` or HTTP Basic with the token as password. */
export function credentialFromHeader(header: string | null): string | null {
  if (!header) return null;
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? "")) return value;
  if (/^basic$/i.test(scheme ?? "")) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    // git and git-lfs send "<anything>:<token>"; some tools put the token in the user part.
    const password = colon >= 0 ? decoded.slice(colon + 1) : "";
    return password || (colon >= 0 ? decoded.slice(0, colon) : decoded);
  }
  return "";
}

/** The challenge that makes git, git-lfs and browsers ask for a user name and access token. */
export const basicChallenge = 'Basic realm="Strata", charset="UTF-8"';

const invalidCredentials = () =>
  new AppError(
    "unauthorized",
    "Invalid credentials: the access token is malformed, unknown or revoked.",
    {
      headers: { "WWW-Authenticate": basicChallenge },
    },
  );

/**
 * Resolves the caller of any request: an `Authorization` header wins (so scripts get exactly the
 * token's scope), otherwise the browser session cookie. Presented-but-invalid credentials are an
 * error rather than silently anonymous, so a revoked token fails loudly. Job tokens count only where
 * the route says so (`acceptJobTokens`: git and file downloads); elsewhere they are refused.
 */
export async function resolveCaller(
  request: Request,
  options: { acceptJobTokens?: boolean } = {},
): Promise<Caller | null> {
  const credential = credentialFromHeader(request.headers.get("authorization"));
  if (credential && looksLikeSecret("job", credential)) {
    if (!options.acceptJobTokens) {
      throw new AppError(
        "unauthorized",
        "Job tokens are accepted only by git and file downloads of the repositories the job was granted.",
      );
    }
    const job = await verifyJobToken(credential);
    if (!job) throw invalidCredentials();
    return jobCaller(job);
  }
  if (credential !== null) {
    const owner = credential ? await verifyAccessToken(credential) : null;
    if (!owner) throw invalidCredentials();
    return {
      id: owner.userId,
      name: owner.name,
      displayName: null,
      isAdmin: owner.isAdmin,
      auth: { type: "token", scope: owner.scope, tokenId: owner.tokenId },
    };
  }
  // API clients send no session cookie; skipping next-auth for them saves a JWT decode per call.
  if (!request.headers.get("cookie")?.includes(sessionCookieMarker)) return null;
  const user = await sessionUserOfRequest(request);
  return user ? { ...user, auth: { type: "session" } } : null;
}
