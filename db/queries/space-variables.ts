import "server-only";

import { and, asc, count, eq } from "drizzle-orm";

import { getDb } from "../client";
import { spaceVariables, type SpaceVariableKind } from "../schema";

/** A variable or secret as Settings shows it: a secret's value is never selected. */
export type SpaceVariableEntry = {
  name: string;
  kind: SpaceVariableKind;
  /** The value of a variable; always null for a secret. */
  value: string | null;
  updatedAt: Date;
};

export async function listSpaceVariables(repoId: number): Promise<SpaceVariableEntry[]> {
  return getDb()
    .select({
      name: spaceVariables.name,
      kind: spaceVariables.kind,
      value: spaceVariables.value,
      updatedAt: spaceVariables.updatedAt,
    })
    .from(spaceVariables)
    .where(eq(spaceVariables.repoId, repoId))
    .orderBy(asc(spaceVariables.name))
    .all();
}

type SaveResult = "saved" | "other_kind" | "too_many";

/**
 * Sets a variable's value, or a secret's sealed value, unless the name is taken by the other kind
 * or the Space would have more than `limit` entries.
 */
export async function saveSpaceVariable(
  repoId: number,
  entry: { name: string; limit: number } & (
    { kind: "variable"; value: string } | { kind: "secret"; sealedValue: string }
  ),
): Promise<SaveResult> {
  const values = {
    kind: entry.kind,
    value: entry.kind === "variable" ? entry.value : null,
    sealedValue: entry.kind === "secret" ? entry.sealedValue : null,
    updatedAt: new Date(),
  };
  return getDb().transaction(
    (tx): SaveResult => {
      const existing = tx
        .select({ kind: spaceVariables.kind })
        .from(spaceVariables)
        .where(and(eq(spaceVariables.repoId, repoId), eq(spaceVariables.name, entry.name)))
        .get();
      if (existing && existing.kind !== entry.kind) return "other_kind";
      if (!existing) {
        const total = tx
          .select({ n: count() })
          .from(spaceVariables)
          .where(eq(spaceVariables.repoId, repoId))
          .get();
        if ((total?.n ?? 0) >= entry.limit) return "too_many";
      }
      tx.insert(spaceVariables)
        .values({ repoId, name: entry.name, ...values })
        .onConflictDoUpdate({ target: [spaceVariables.repoId, spaceVariables.name], set: values })
        .run();
      return "saved";
    },
    { behavior: "immediate" },
  );
}

/** Removes a variable or secret; false when the Space has no such entry of that kind. */
export async function deleteSpaceVariable(
  repoId: number,
  entry: { name: string; kind: SpaceVariableKind },
): Promise<boolean> {
  const removed = getDb()
    .delete(spaceVariables)
    .where(
      and(
        eq(spaceVariables.repoId, repoId),
        eq(spaceVariables.name, entry.name),
        eq(spaceVariables.kind, entry.kind),
      ),
    )
    .run();
  return removed.changes > 0;
}

/** The Space's variables as name → value: its build args and its app's environment. */
export async function listSpaceVariableValues(repoId: number): Promise<Record<string, string>> {
  const rows = getDb()
    .select({ name: spaceVariables.name, value: spaceVariables.value })
    .from(spaceVariables)
    .where(and(eq(spaceVariables.repoId, repoId), eq(spaceVariables.kind, "variable")))
    .all();
  return Object.fromEntries(rows.map((row) => [row.name, row.value ?? ""]));
}

/** The names of the Space's secrets (what an offline run must be given), never their values. */
export async function listSpaceSecretNames(repoId: number): Promise<string[]> {
  return getDb()
    .select({ name: spaceVariables.name })
    .from(spaceVariables)
    .where(and(eq(spaceVariables.repoId, repoId), eq(spaceVariables.kind, "secret")))
    .orderBy(asc(spaceVariables.name))
    .all()
    .map((row) => row.name);
}

/** The Space's secrets, sealed: for the server to open when a runner claims the Space's run. */
export async function listSpaceSealedSecrets(
  repoId: number,
): Promise<{ name: string; sealedValue: string }[]> {
  return getDb()
    .select({ name: spaceVariables.name, sealedValue: spaceVariables.sealedValue })
    .from(spaceVariables)
    .where(and(eq(spaceVariables.repoId, repoId), eq(spaceVariables.kind, "secret")))
    .all()
    .map((row) => ({ name: row.name, sealedValue: row.sealedValue ?? "" }));
}
