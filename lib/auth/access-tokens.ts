import "server-only";

import { z } from "zod";

import { insertAudit } from "@/db/queries/audit";
import {
  findTokenOwnerByHash,
  insertToken,
  listActiveTokens,
  markTokenRevoked,
  touchToken,
  type TokenOwner,
  type TokenSummary,
} from "@/db/queries/tokens";
import { tokenScopes } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";

import {
  generateAccessToken,
  hashAccessToken,
  looksLikeAccessToken,
  tokenDisplayPrefix,
} from "./token-format";

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(64, "Use at most 64 characters."),
  scope: z.enum(tokenScopes, { message: "Choose read or write." }),
});

export type CreatedToken = TokenSummary & { token: string };

/** Creates a token for a user; the plain token is in the result and nowhere else, ever. */
export async function createAccessToken(
  userId: number,
  input: z.input<typeof createTokenSchema>,
): Promise<CreatedToken> {
  const { name, scope } = createTokenSchema.parse(input);
  const token = generateAccessToken();
  const summary = await insertToken({
    userId,
    name,
    scope,
    tokenHash: hashAccessToken(token),
    displayPrefix: tokenDisplayPrefix(token),
  });
  await insertAudit({
    actorId: userId,
    action: "token.create",
    target: `token:${summary.id}`,
    details: { name, scope },
  });
  return { ...summary, token };
}

export function listAccessTokens(userId: number): Promise<TokenSummary[]> {
  return listActiveTokens(userId);
}

export async function revokeAccessToken(userId: number, tokenId: number): Promise<void> {
  if (!(await markTokenRevoked(userId, tokenId))) {
    throw new AppError("not_found", "No such token.");
  }
  await insertAudit({ actorId: userId, action: "token.revoke", target: `token:${tokenId}` });
}

// Recording every use would turn each API read into a write; a minute's precision is enough.
const touchIntervalMs = 60_000;

/** The user and scope behind a presented token, or null when it is malformed, unknown or revoked. */
export async function verifyAccessToken(token: string): Promise<TokenOwner | null> {
  if (!looksLikeAccessToken(token)) return null;
  const owner = await findTokenOwnerByHash(hashAccessToken(token));
  if (!owner) return null;
  const now = new Date();
  if (!owner.lastUsedAt || now.getTime() - owner.lastUsedAt.getTime() > touchIntervalMs) {
    await touchToken(owner.tokenId, now);
  }
  return owner;
}
