import { createHash, randomInt } from "node:crypto";

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const tokenPrefix = "hf_";
const randomLength = 37;

/** A new access token: `hf_` followed by 37 uniformly random base62 characters (~220 bits). */
export function generateAccessToken(): string {
  let body = "";
  for (let i = 0; i < randomLength; i++) body += base62[randomInt(base62.length)];
  return tokenPrefix + body;
}

export function looksLikeAccessToken(value: string): boolean {
  return /^hf_[0-9A-Za-z]{32,64}$/.test(value);
}

/**
 * Tokens carry enough entropy that a fast hash is safe to store (as GitHub does); a slow hash
 * would only make every API call slower.
 */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, tokenPrefix.length + 4);
}
