import "server-only";

import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";

import { getDb } from "../client";
import { runnerRegistrationTokens, runners, type RunnerExecutor } from "../schema";

export type RegistrationTokenSummary = {
  id: number;
  displayPrefix: string;
  description: string | null;
  createdBy: number | null;
  createdAt: Date;
  expiresAt: Date | null;
  maxUses: number | null;
  useCount: number;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summaryColumns = {
  id: runnerRegistrationTokens.id,
  displayPrefix: runnerRegistrationTokens.displayPrefix,
  description: runnerRegistrationTokens.description,
  createdBy: runnerRegistrationTokens.createdBy,
  createdAt: runnerRegistrationTokens.createdAt,
  expiresAt: runnerRegistrationTokens.expiresAt,
  maxUses: runnerRegistrationTokens.maxUses,
  useCount: runnerRegistrationTokens.useCount,
  lastUsedAt: runnerRegistrationTokens.lastUsedAt,
  revokedAt: runnerRegistrationTokens.revokedAt,
};

export async function insertRegistrationToken(input: {
  tokenHash: string;
  displayPrefix: string;
  description: string | null;
  createdBy: number | null;
  expiresAt: Date | null;
  maxUses: number | null;
}): Promise<RegistrationTokenSummary> {
  return getDb().insert(runnerRegistrationTokens).values(input).returning(summaryColumns).get();
}

export async function listRegistrationTokens(): Promise<RegistrationTokenSummary[]> {
  return getDb()
    .select(summaryColumns)
    .from(runnerRegistrationTokens)
    .orderBy(desc(runnerRegistrationTokens.id))
    .all();
}

export async function markRegistrationTokenRevoked(id: number, at: Date): Promise<boolean> {
  const result = getDb()
    .update(runnerRegistrationTokens)
    .set({ revokedAt: at })
    .where(and(eq(runnerRegistrationTokens.id, id), isNull(runnerRegistrationTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

export type NewRunner = {
  name: string;
  tokenHash: string;
  labels: Record<string, string>;
  executor: RunnerExecutor;
  capacity: number;
  npuChip: string | null;
  npuDevices: number[];
  version: string;
  platform: string | null;
  embedded?: boolean;
};

/**
 * Consumes one use of a live registration token and creates the runner, in one write transaction
 * so that a single-use token registers exactly one runner. Null when the token is unknown,
 * revoked, expired or used up.
 */
export async function registerRunnerWithToken(
  registrationTokenHash: string,
  runner: NewRunner,
  now: Date,
): Promise<{ id: number; name: string } | null> {
  return getDb().transaction(
    (tx) => {
      const t = runnerRegistrationTokens;
      const consumed = tx
        .update(t)
        .set({ useCount: sql`${t.useCount} + 1`, lastUsedAt: now })
        .where(
          and(
            eq(t.tokenHash, registrationTokenHash),
            isNull(t.revokedAt),
            or(isNull(t.expiresAt), gt(t.expiresAt, now)),
            or(isNull(t.maxUses), lt(t.useCount, t.maxUses)),
          ),
        )
        .returning({ id: t.id })
        .get();
      if (!consumed) return null;
      return tx
        .insert(runners)
        .values({ ...runner, registrationTokenId: consumed.id, lastSeenAt: now })
        .returning({ id: runners.id, name: runners.name })
        .get();
    },
    { behavior: "immediate" },
  );
}
