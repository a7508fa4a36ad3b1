import "server-only";

import { z } from "zod";

import { insertAudit } from "@/db/queries/audit";
import {
  insertRegistrationToken,
  listRegistrationTokens as listTokenRecords,
  markRegistrationTokenRevoked,
  type RegistrationTokenSummary,
} from "@/db/queries/runner-registration-tokens";
import { AppError } from "@/lib/errors";

import { generateSecret, hashSecret, secretDisplayPrefix } from "./secrets";

export const createRegistrationTokenSchema = z.object({
  description: z.string().trim().max(200).optional(),
  /** Null = never expires. Default: a day, enough to set a runner up. */
  expiresInSeconds: z
    .number()
    .int()
    .min(60)
    .max(365 * 24 * 3600)
    .nullable()
    .default(24 * 3600),
  /** Null = unlimited. Default: one runner per token. */
  maxUses: z.number().int().min(1).max(10_000).nullable().default(1),
});

type RegistrationTokenStatus = "active" | "expired" | "revoked" | "used_up";
export type RegistrationTokenView = RegistrationTokenSummary & { status: RegistrationTokenStatus };
export type CreatedRegistrationToken = RegistrationTokenView & { token: string };

function withStatus(t: RegistrationTokenSummary, now: Date): RegistrationTokenView {
  const status: RegistrationTokenStatus = t.revokedAt
    ? "revoked"
    : t.expiresAt && t.expiresAt <= now
      ? "expired"
      : t.maxUses !== null && t.useCount >= t.maxUses
        ? "used_up"
        : "active";
  return { ...t, status };
}

/** Creates a registration token; the plain token is in the result and nowhere else. */
export async function createRegistrationToken(
  options: z.input<typeof createRegistrationTokenSchema> & { createdBy?: number | null } = {},
): Promise<CreatedRegistrationToken> {
  const input = createRegistrationTokenSchema.parse(options);
  const now = new Date();
  const token = generateSecret("registration");
  const summary = await insertRegistrationToken({
    tokenHash: hashSecret(token),
    displayPrefix: secretDisplayPrefix(token),
    description: input.description || null,
    createdBy: options.createdBy ?? null,
    expiresAt:
      input.expiresInSeconds === null
        ? null
        : new Date(now.getTime() + input.expiresInSeconds * 1000),
    maxUses: input.maxUses,
  });
  await insertAudit({
    actorId: options.createdBy ?? null,
    action: "runner_token.create",
    target: `runner_token:${summary.id}`,
    details: { maxUses: input.maxUses, expiresAt: summary.expiresAt?.toISOString() ?? null },
  });
  return { ...withStatus(summary, now), token };
}

export async function listRegistrationTokens(now = new Date()): Promise<RegistrationTokenView[]> {
  return (await listTokenRecords()).map((t) => withStatus(t, now));
}

export async function revokeRegistrationToken(id: number, actorId: number | null): Promise<void> {
  if (!(await markRegistrationTokenRevoked(id, new Date()))) {
    throw new AppError("not_found", "No such registration token, or it is already revoked.");
  }
  await insertAudit({ actorId, action: "runner_token.revoke", target: `runner_token:${id}` });
}
