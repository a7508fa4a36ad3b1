import "server-only";

import { and, desc, eq, isNull } from "drizzle-orm";

import { getDb } from "../client";
import { accessTokens, owners, users, type TokenScope } from "../schema";

export type TokenSummary = {
  id: number;
  name: string;
  scope: TokenScope;
  displayPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type TokenOwner = {
  tokenId: number;
  scope: TokenScope;
  userId: number;
  name: string;
  isAdmin: boolean;
  lastUsedAt: Date | null;
};

const summaryColumns = {
  id: accessTokens.id,
  name: accessTokens.name,
  scope: accessTokens.scope,
  displayPrefix: accessTokens.displayPrefix,
  createdAt: accessTokens.createdAt,
  lastUsedAt: accessTokens.lastUsedAt,
};

export async function insertToken(input: {
  userId: number;
  name: string;
  scope: TokenScope;
  tokenHash: string;
  displayPrefix: string;
}): Promise<TokenSummary> {
  return getDb().insert(accessTokens).values(input).returning(summaryColumns).get();
}

export async function listActiveTokens(userId: number): Promise<TokenSummary[]> {
  return getDb()
    .select(summaryColumns)
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id))
    .all();
}

/** The live token with this hash and its user, or null when unknown or revoked. */
export async function findTokenOwnerByHash(tokenHash: string): Promise<TokenOwner | null> {
  return (
    getDb()
      .select({
        tokenId: accessTokens.id,
        scope: accessTokens.scope,
        userId: users.id,
        name: owners.name,
        isAdmin: users.isAdmin,
        lastUsedAt: accessTokens.lastUsedAt,
      })
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      .innerJoin(owners, eq(owners.id, users.id))
      .where(and(eq(accessTokens.tokenHash, tokenHash), isNull(accessTokens.revokedAt)))
      .get() ?? null
  );
}

export async function touchToken(tokenId: number, at: Date): Promise<void> {
  getDb().update(accessTokens).set({ lastUsedAt: at }).where(eq(accessTokens.id, tokenId)).run();
}

/** Revokes a token of this user; false when there is no such live token. */
export async function markTokenRevoked(userId: number, tokenId: number): Promise<boolean> {
  const result = getDb()
    .update(accessTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(accessTokens.id, tokenId),
        eq(accessTokens.userId, userId),
        isNull(accessTokens.revokedAt),
      ),
    )
    .run();
  return result.changes > 0;
}
