import "server-only";

import { and, asc, count, eq } from "drizzle-orm";

import { AppError } from "@/lib/errors";

import { getDb, type Tx } from "../client";
import { isUniqueViolation } from "../errors";
import { memberships, owners, type MemberRole } from "../schema";
import { nameTaken, type OwnerProfile } from "./owners";

export type Member = {
  userId: number;
  name: string;
  displayName: string | null;
  role: MemberRole;
  joinedAt: Date;
};

export type UserOrg = { id: number; name: string; displayName: string | null; role: MemberRole };

export async function insertOrganization(input: {
  name: string;
  displayName: string | null;
  creatorId: number;
}): Promise<OwnerProfile> {
  try {
    return getDb().transaction(
      (tx) => {
        const org = tx
          .insert(owners)
          .values({ name: input.name, kind: "org", displayName: input.displayName })
          .returning()
          .get();
        tx.insert(memberships)
          .values({ orgId: org.id, userId: input.creatorId, role: "admin" })
          .run();
        return {
          id: org.id,
          name: org.name,
          kind: "org",
          displayName: org.displayName,
          bio: org.bio,
          createdAt: org.createdAt,
        };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function findMemberRole(orgId: number, userId: number): Promise<MemberRole | null> {
  return (
    getDb()
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .get()?.role ?? null
  );
}

export async function listMembers(orgId: number): Promise<Member[]> {
  return getDb()
    .select({
      userId: memberships.userId,
      name: owners.name,
      displayName: owners.displayName,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(owners, eq(owners.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(owners.name))
    .all();
}

export async function listUserOrgs(userId: number): Promise<UserOrg[]> {
  return getDb()
    .select({
      id: owners.id,
      name: owners.name,
      displayName: owners.displayName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(owners, eq(owners.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(owners.name))
    .all();
}

export async function insertMember(orgId: number, userId: number, role: MemberRole): Promise<void> {
  try {
    getDb().insert(memberships).values({ orgId, userId, role }).run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This user is already a member.");
    }
    throw error;
  }
}

function adminCount(tx: Tx, orgId: number): number {
  return (
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin")))
      .get()?.n ?? 0
  );
}

/**
 * Changes a member's role, or removes them when `role` is null. The check that an admin remains is
 * inside the same write transaction, so two admins demoting each other at once cannot both succeed.
 */
export async function updateMembership(
  orgId: number,
  userId: number,
  role: MemberRole | null,
): Promise<void> {
  getDb().transaction(
    (tx) => {
      const current = tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
        .get();
      if (!current) throw new AppError("not_found", "This user is not a member.");
      const losesAdmin = current.role === "admin" && role !== "admin";
      if (losesAdmin && adminCount(tx, orgId) <= 1) {
        throw new AppError(
          "conflict",
          "An organisation needs at least one admin. Make someone else an admin first.",
        );
      }
      const where = and(eq(memberships.orgId, orgId), eq(memberships.userId, userId));
      if (role === null) tx.delete(memberships).where(where).run();
      else tx.update(memberships).set({ role }).where(where).run();
    },
    { behavior: "immediate" },
  );
}
