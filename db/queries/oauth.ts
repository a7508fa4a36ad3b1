import "server-only";

import { and, eq } from "drizzle-orm";

import { getDb } from "../client";
import { oauthAccounts } from "../schema";

export async function findOAuthUserId(
  provider: string,
  providerAccountId: string,
): Promise<number | null> {
  return (
    getDb()
      .select({ userId: oauthAccounts.userId })
      .from(oauthAccounts)
      .where(
        and(
          eq(oauthAccounts.provider, provider),
          eq(oauthAccounts.providerAccountId, providerAccountId),
        ),
      )
      .get()?.userId ?? null
  );
}

export async function insertOAuthAccount(
  provider: string,
  providerAccountId: string,
  userId: number,
) {
  getDb()
    .insert(oauthAccounts)
    .values({ provider, providerAccountId, userId })
    .onConflictDoNothing()
    .run();
}
