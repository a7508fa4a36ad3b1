import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * What a transfer link (`actions.upload.href`, `actions.download.href`) allows: one operation on
 * one object of one repository, on behalf of one user (0: anonymous) and token (0: none), until
 * `expiresAt`. Neither HF client sends credentials with the PUT, so the link carries them,
 * HMAC-signed with the server's secret. The server still re-checks the user, the token and the
 * repository when the link is used, so revoking a token or access stops links already handed out.
 */
export type TransferGrant = {
  op: "upload" | "download";
  repoId: number;
  oid: string;
  size: number;
  userId: number;
  tokenId: number;
  /** The running job (and its attempt) the link was handed to; 0 for people. */
  jobId?: number;
  jobAttempt?: number;
  /** Unix seconds. */
  expiresAt: number;
};

/** Long enough to start a large upload after hashing it; the check happens when the transfer starts. */
export const transferLinkSeconds = 3600;

function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("strata:lfs-transfer:v1").digest();
}

export function encodeGrant(grant: TransferGrant, secret = getConfig().authSecret): string {
  const fields = [
    grant.op,
    grant.repoId,
    grant.oid,
    grant.size,
    grant.userId,
    grant.tokenId,
    grant.expiresAt,
    grant.jobId ?? 0,
    grant.jobAttempt ?? 0,
  ];
  const body = Buffer.from(JSON.stringify(fields)).toString("base64url");
  const signature = createHmac("sha256", signingKey(secret)).update(body).digest("base64url");
  return `${body}.${signature}`;
}

const invalidLink = () =>
  new AppError(
    "forbidden",
    "This transfer link is invalid; ask the server for a new one (run the upload or download again).",
  );

/** Checks signature and expiry; throws 403 for anything else than a live link the server made. */
export function decodeGrant(
  token: string,
  now = Date.now(),
  secret = getConfig().authSecret,
): TransferGrant {
  const [body = "", signature = "", extra] = token.split(".");
  if (extra !== undefined || !body || !signature) throw invalidLink();
  const expected = createHmac("sha256", signingKey(secret)).update(body).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidLink();
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw invalidLink();
  }
  // Links made before jobs could download have 7 fields; they are still good until they expire.
  if (!Array.isArray(fields) || (fields.length !== 7 && fields.length !== 9)) throw invalidLink();
  const [op, repoId, oid, size, userId, tokenId, expiresAt, jobId = 0, jobAttempt = 0] =
    fields as unknown[];
  if ((op !== "upload" && op !== "download") || typeof oid !== "string") throw invalidLink();
  const ints = [repoId, size, userId, tokenId, expiresAt, jobId, jobAttempt];
  if (!ints.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) throw invalidLink();
  if ((expiresAt as number) * 1000 < now)
    throw new AppError(
      "forbidden",
      "This transfer link has expired; run the upload or download again.",
    );
  return {
    op,
    oid,
    repoId: repoId as number,
    size: size as number,
    userId: userId as number,
    tokenId: tokenId as number,
    expiresAt: expiresAt as number,
    jobId: jobId as number,
    jobAttempt: jobAttempt as number,
  };
}
