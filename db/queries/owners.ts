import "server-only";

import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";

import { AppError } from "@/lib/errors";

import { getDb } from "../client";
import { isUniqueViolation } from "../errors";
import { owners, users } from "../schema";
import { containsText } from "./like";

type OwnerKind = "user" | "org";

export type OwnerProfile = {
  id: number;
  name: string;
  kind: OwnerKind;
  displayName: string | null;
  bio: string | null;
  createdAt: Date;
};

export type UserSummary = {
  id: number;
  name: string;
  displayName: string | null;
  isAdmin: boolean;
};

const profileColumns = {
  id: owners.id,
  name: owners.name,
  kind: owners.kind,
  displayName: owners.displayName,
  bio: owners.bio,
  createdAt: owners.createdAt,
};

const userSummaryColumns = {
  id: users.id,
  name: owners.name,
  displayName: owners.displayName,
  isAdmin: users.isAdmin,
};

const byName = (name: string) => sql`lower(${owners.name}) = lower(${name})`;

export async function findOwnerByName(name: string): Promise<OwnerProfile | null> {
  return getDb().select(profileColumns).from(owners).where(byName(name)).get() ?? null;
}

export async function findUserById(id: number): Promise<UserSummary | null> {
  return (
    getDb()
      .select(userSummaryColumns)
      .from(users)
      .innerJoin(owners, eq(owners.id, users.id))
      .where(eq(users.id, id))
      .get() ?? null
  );
}

export async function findUserByName(name: string): Promise<UserSummary | null> {
  return (
    getDb()
      .select(userSummaryColumns)
      .from(users)
      .innerJoin(owners, eq(owners.id, users.id))
      .where(byName(name))
      .get() ?? null
  );
}

export type OwnerHit = { name: string; displayName: string | null };

/** Users or organisations whose name or display name contains `q` (profiles are public); exact names first. */
export async function searchOwners(input: {
  q: string;
  kind: OwnerKind;
  limit: number;
  offset?: number;
}): Promise<{ items: OwnerHit[]; total: number }> {
  const where = and(
    eq(owners.kind, input.kind),
    or(containsText(owners.name, input.q), containsText(owners.displayName, input.q)),
  );
  const items = getDb()
    .select({ name: owners.name, displayName: owners.displayName })
    .from(owners)
    .where(where)
    .orderBy(desc(byName(input.q)), asc(owners.name))
    .limit(input.limit)
    .offset(input.offset ?? 0)
    .all();
  const total = getDb().select({ n: count() }).from(owners).where(where).get()?.n ?? 0;
  return { items, total };
}

/** For sign-in only: the hash never leaves the auth module. */
export async function findPasswordHash(
  name: string,
): Promise<{ userId: number; passwordHash: string | null } | null> {
  return (
    getDb()
      .select({ userId: users.id, passwordHash: users.passwordHash })
      .from(users)
      .innerJoin(owners, eq(owners.id, users.id))
      .where(byName(name))
      .get() ?? null
  );
}

export async function listUsers(): Promise<
  (UserSummary & { email: string | null; createdAt: Date })[]
> {
  return getDb()
    .select({ ...userSummaryColumns, email: users.email, createdAt: users.createdAt })
    .from(users)
    .innerJoin(owners, eq(owners.id, users.id))
    .orderBy(asc(owners.name))
    .all();
}

/** The error for a name already used by a user or an organisation, on the form field given. */
function nameTaken(name: string, field = "name"): AppError {
  return new AppError("conflict", `The name "${name}" is already taken.`, {
    fieldErrors: { [field]: ["This name is already taken."] },
  });
}

export async function insertUser(input: {
  name: string;
  email?: string | null;
  passwordHash: string | null;
  isAdmin?: boolean;
}): Promise<UserSummary> {
  const db = getDb();
  try {
    return db.transaction(
      (tx) => {
        const owner = tx
          .insert(owners)
          .values({ name: input.name, kind: "user" })
          .returning({ id: owners.id })
          .get();
        tx.insert(users)
          .values({
            id: owner.id,
            email: input.email ?? null,
            passwordHash: input.passwordHash,
            isAdmin: input.isAdmin ?? false,
          })
          .run();
        return {
          id: owner.id,
          name: input.name,
          displayName: null,
          isAdmin: input.isAdmin ?? false,
        };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      const emailTaken =
        input.email &&
        db
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = lower(${input.email})`)
          .get();
      if (emailTaken) {
        throw new AppError("conflict", "An account with this email already exists.", {
          fieldErrors: { email: ["An account with this email already exists."] },
        });
      }
      throw nameTaken(input.name, "username");
    }
    throw error;
  }
}

export async function updateOwnerProfile(
  ownerId: number,
  input: { displayName: string | null; bio: string | null },
): Promise<void> {
  getDb()
    .update(owners)
    .set({ displayName: input.displayName, bio: input.bio })
    .where(eq(owners.id, ownerId))
    .run();
}

export { nameTaken };
