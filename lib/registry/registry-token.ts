import "server-only";

import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";

import { getConfig } from "@/lib/config";

import { RegistryError } from "./errors";
import type { ScopeGrant } from "./scopes";

/**
 * Registry bearer tokens: short-lived HS256 JWTs in the shape of the Docker token spec
 * (`iss`, `sub`, `aud`, `exp`, `nbf`, `iat`, `jti`, `access`). Only this server issues and checks
 * them, so a symmetric key derived from the auth secret is enough.
 */

export const registryTokenLifetimeSeconds = 300;
const issuer = "strata-registry";
const keyId = "strata-registry-v1";

/** `sub` is `user:<id>`, `job:<id>` or empty for an anonymous token. */
export type RegistryTokenClaims = {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  access: ScopeGrant[];
  /** For user tokens: the access token's scope and id, so the request runs with the same limits. */
  scp?: "read" | "write";
  tid?: number;
};

const claimsSchema = z.object({
  iss: z.literal(issuer),
  sub: z.string(),
  aud: z.string(),
  exp: z.number(),
  nbf: z.number(),
  iat: z.number(),
  jti: z.string(),
  access: z.array(z.object({ type: z.string(), name: z.string(), actions: z.array(z.string()) })),
  scp: z.enum(["read", "write"]).optional(),
  tid: z.number().int().optional(),
});

function signingKey(): Buffer {
  return Buffer.from(
    hkdfSync("sha256", getConfig().authSecret, "strata", "registry bearer token v1", 32),
  );
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function signature(input: string): Buffer {
  return createHmac("sha256", signingKey()).update(input).digest();
}

export function signRegistryToken(input: {
  subject: string;
  audience: string;
  access: ScopeGrant[];
  tokenScope?: "read" | "write";
  tokenId?: number;
  now?: Date;
}): { token: string; claims: RegistryTokenClaims } {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims: RegistryTokenClaims = {
    iss: issuer,
    sub: input.subject,
    aud: input.audience,
    iat,
    // A little slack for clocks of other instances that run slightly behind.
    nbf: iat - 10,
    exp: iat + registryTokenLifetimeSeconds,
    jti: randomUUID(),
    access: input.access,
    ...(input.tokenScope ? { scp: input.tokenScope } : {}),
    ...(input.tokenId !== undefined ? { tid: input.tokenId } : {}),
  };
  const head = `${encode({ alg: "HS256", typ: "JWT", kid: keyId })}.${encode(claims)}`;
  return { token: `${head}.${signature(head).toString("base64url")}`, claims };
}

const invalidToken = () =>
  new RegistryError(
    "UNAUTHORIZED",
    "The registry token is invalid or has expired; request a new one.",
  );

/** The claims of a token this server issued for `audience`; throws UNAUTHORIZED otherwise. */
export function verifyRegistryToken(
  token: string,
  audience: string,
  now = new Date(),
): RegistryTokenClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw invalidToken();
  const [header, payload, sig] = parts as [string, string, string];
  const expected = signature(`${header}.${payload}`);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidToken();
  let parsed: unknown;
  try {
    const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
    if (head.alg !== "HS256") throw invalidToken();
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalidToken();
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.aud !== audience) throw invalidToken();
  const seconds = now.getTime() / 1000;
  if (claims.data.exp <= seconds || claims.data.nbf > seconds) throw invalidToken();
  return claims.data;
}

/** Whether a bearer credential is a registry token rather than an `hf_` access token. */
export function looksLikeRegistryToken(value: string): boolean {
  return value.split(".").length === 3 && !value.startsWith("hf_");
}
