import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import { getDb } from "../client";
import { accessTokens, type TokenScope } from "../schema";

/** The scope of a live token of this user, or null when it is unknown, another user's or revoked. */
export async function findLiveTokenScope(
  userId: number,
  tokenId: number,
): Promise<TokenScope | null> {
  return (
    getDb()
      .select({ scope: accessTokens.scope })
      .from(accessTokens)
      .where(
        and(
          eq(accessTokens.id, tokenId),
          eq(accessTokens.userId, userId),
          isNull(accessTokens.revokedAt),
        ),
      )
      .get()?.scope ?? null
  );
}

/** When a token was made and what it is called (for HF `whoami-v2`). */
export async function findTokenDetails(
  tokenId: number,
): Promise<{ name: string; createdAt: Date } | null> {
  return (
    getDb()
      .select({ name: accessTokens.name, createdAt: accessTokens.createdAt })
      .from(accessTokens)
      .where(eq(accessTokens.id, tokenId))
      .get() ?? null
  );
}
