import { createHash, randomBytes } from "node:crypto";

/**
 * Runner, registration and job tokens: a recognisable prefix and 32 random bytes. Like access
 * tokens they carry enough entropy that a fast hash is safe to store.
 */
export type SecretKind = "registration" | "runner" | "job";

const prefixes: Record<SecretKind, string> = {
  registration: "strreg_",
  runner: "strrun_",
  job: "strjob_",
};

export function generateSecret(kind: SecretKind): string {
  return prefixes[kind] + randomBytes(32).toString("base64url");
}

export function looksLikeSecret(kind: SecretKind, value: string): boolean {
  return value.startsWith(prefixes[kind]) && /^[A-Za-z0-9_-]{40,80}$/.test(value);
}

export function hashSecret(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function secretDisplayPrefix(value: string): string {
  return value.slice(0, value.indexOf("_") + 5);
}
