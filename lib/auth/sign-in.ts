import "server-only";

import { findPasswordHash, findUserById, type UserSummary } from "@/db/queries/owners";
import { AppError } from "@/lib/errors";

import { dummyPasswordHash, verifyPassword } from "./password";
import { checkRateLimit, recordRateLimitHit, resetRateLimit, type RateLimit } from "./rate-limit";

// Failed attempts allowed per window: per account (stops guessing one password) and per
// client address (stops spraying one password over many accounts).
export const signInLimits = {
  account: { limit: 10, windowMs: 15 * 60_000 },
  ip: { limit: 50, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

function tooMany(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/** Checks a username and password; throws a clear AppError on failure. */
export async function authenticateWithPassword(input: {
  username: string;
  password: string;
  ip: string;
}): Promise<UserSummary> {
  const accountKey = `sign-in:account:${input.username.trim().toLowerCase()}`;
  const ipKey = `sign-in:ip:${input.ip}`;
  for (const [key, rule] of [
    [accountKey, signInLimits.account],
    [ipKey, signInLimits.ip],
  ] as const) {
    const state = await checkRateLimit(key, rule);
    if (!state.allowed) throw tooMany(state.retryAfterSeconds);
  }

  const record = await findPasswordHash(input.username.trim());
  const hash = record?.passwordHash ?? (await dummyPasswordHash());
  const valid = (await verifyPassword(input.password, hash)) && Boolean(record?.passwordHash);
  const user = valid && record ? await findUserById(record.userId) : null;
  if (!user) {
    await recordRateLimitHit(accountKey, signInLimits.account);
    await recordRateLimitHit(ipKey, signInLimits.ip);
    throw new AppError("unauthorized", "Wrong username or password.");
  }
  await resetRateLimit(accountKey);
  return user;
}
