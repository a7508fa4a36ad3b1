import "server-only";

import { randomInt } from "node:crypto";

import { findOAuthUserId, insertOAuthAccount } from "@/db/queries/oauth";
import { findOwnerByName, insertUser } from "@/db/queries/owners";
import { AppError } from "@/lib/errors";
import { ownerNameSchema } from "@/lib/validation/names";

/** Turns a provider login ("Jane Doe!") into a candidate Strata username ("Jane-Doe"). */
function usernameFromLogin(login: string): string {
  const cleaned = login
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/[._-]{2,}/g, "-")
    .replace(/^[^A-Za-z]+/, "")
    .replace(/[._-]+$/, "")
    .slice(0, 32);
  return cleaned.length >= 2 ? cleaned : `user${cleaned}`;
}

/**
 * The local user for an OAuth identity, created on first sign-in. The username is the provider
 * login when it is valid and free, otherwise the login with a numeric suffix.
 */
export async function userIdForOAuth(input: {
  provider: string;
  providerAccountId: string;
  login: string;
  email?: string | null;
}): Promise<number> {
  const existing = await findOAuthUserId(input.provider, input.providerAccountId);
  if (existing) return existing;

  const base = usernameFromLogin(input.login);
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = attempt === 0 ? base : `${base.slice(0, 32)}-${randomInt(1000, 999999)}`;
    if (!ownerNameSchema.safeParse(candidate).success) continue;
    if (await findOwnerByName(candidate)) continue;
    try {
      // The provider's email is not trusted as a unique identity here; it is only shown.
      const user = await insertUser({ name: candidate, email: null, passwordHash: null });
      await insertOAuthAccount(input.provider, input.providerAccountId, user.id);
      return user.id;
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") continue;
      throw error;
    }
  }
  throw new AppError("conflict", "Could not pick a free username for this account.");
}
