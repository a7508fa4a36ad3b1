import "server-only";

import { insertAudit } from "@/db/queries/audit";
import { insertUser, updateOwnerProfile, type UserSummary } from "@/db/queries/owners";
import { hashPassword } from "@/lib/auth/password";
import { recordRateLimitHit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { profileSchema, signUpSchema, type SignUpInput } from "@/lib/validation/accounts";

const signUpsPerIp = { limit: 20, windowMs: 60 * 60_000 };

/** Creates an account from the sign-up form (validated here, whoever calls). */
export async function registerUser(input: SignUpInput, ip: string): Promise<UserSummary> {
  const data = signUpSchema.parse(input);
  const limit = await recordRateLimitHit(`sign-up:ip:${ip}`, signUpsPerIp);
  if (!limit.allowed) {
    throw new AppError(
      "rate_limited",
      "Too many accounts created from your network. Try again later.",
    );
  }
  const user = await insertUser({
    name: data.username,
    email: data.email ?? null,
    passwordHash: await hashPassword(data.password),
  });
  await insertAudit({ actorId: user.id, action: "user.sign-up", target: `user:${user.name}`, ip });
  return user;
}

/** Creates an account on behalf of an operator (CLI, seed); same rules as sign-up. */
export async function createUserAccount(
  input: SignUpInput & { isAdmin?: boolean },
): Promise<UserSummary> {
  const data = signUpSchema.parse(input);
  const user = await insertUser({
    name: data.username,
    email: data.email ?? null,
    passwordHash: await hashPassword(data.password),
    isAdmin: input.isAdmin ?? false,
  });
  await insertAudit({
    actorId: null,
    action: "user.create",
    target: `user:${user.name}`,
    details: { isAdmin: user.isAdmin },
  });
  return user;
}

export async function updateProfile(
  userId: number,
  input: { displayName: string; bio: string },
): Promise<void> {
  const data = profileSchema.parse(input);
  await updateOwnerProfile(userId, {
    displayName: data.displayName || null,
    bio: data.bio || null,
  });
}
