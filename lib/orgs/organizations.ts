import "server-only";

import { insertAudit } from "@/db/queries/audit";
import {
  insertMember,
  insertOrganization,
  listMembers,
  updateMembership,
  type Member,
} from "@/db/queries/orgs";
import { findOwnerByName, findUserByName, type OwnerProfile } from "@/db/queries/owners";
import type { MemberRole } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createOrgSchema } from "@/lib/validation/orgs";

export async function createOrganization(
  caller: Caller,
  input: { name: string; displayName?: string },
): Promise<OwnerProfile> {
  const data = createOrgSchema.parse(input);
  const org = await insertOrganization({
    name: data.name,
    displayName: data.displayName || null,
    creatorId: caller.id,
  });
  await insertAudit({ actorId: caller.id, action: "org.create", target: `org:${org.name}` });
  return org;
}

/** The organisation by name, or a 404 (a user's name is not an organisation). */
export async function findOrganization(name: string): Promise<OwnerProfile> {
  const org = await findOwnerByName(name);
  if (!org || org.kind !== "org") throw new AppError("not_found", "Organisation not found.");
  return org;
}

async function orgForAdmin(caller: Caller, orgName: string): Promise<OwnerProfile> {
  const org = await findOrganization(orgName);
  await assertCan(
    caller,
    "admin",
    { ownerId: org.id, ownerKind: "org", isPrivate: false },
    "Organisation",
  );
  return org;
}

async function memberUser(username: string) {
  const user = await findUserByName(username);
  if (!user) {
    throw new AppError("not_found", `There is no user called "${username}".`, {
      fieldErrors: { username: ["No user with this name."] },
    });
  }
  return user;
}

export function listOrganizationMembers(orgId: number): Promise<Member[]> {
  return listMembers(orgId);
}

export async function addMember(
  caller: Caller,
  input: { org: string; username: string; role: MemberRole },
): Promise<void> {
  const org = await orgForAdmin(caller, input.org);
  const user = await memberUser(input.username);
  await insertMember(org.id, user.id, input.role);
  await insertAudit({
    actorId: caller.id,
    action: "org.member.add",
    target: `org:${org.name}`,
    details: { user: user.name, role: input.role },
  });
}

export async function changeMemberRole(
  caller: Caller,
  input: { org: string; username: string; role: MemberRole },
): Promise<void> {
  const org = await orgForAdmin(caller, input.org);
  const user = await memberUser(input.username);
  await updateMembership(org.id, user.id, input.role);
  await insertAudit({
    actorId: caller.id,
    action: "org.member.role",
    target: `org:${org.name}`,
    details: { user: user.name, role: input.role },
  });
}

export async function removeMember(
  caller: Caller,
  input: { org: string; username: string },
): Promise<void> {
  const org = await orgForAdmin(caller, input.org);
  const user = await memberUser(input.username);
  await updateMembership(org.id, user.id, null);
  await insertAudit({
    actorId: caller.id,
    action: "org.member.remove",
    target: `org:${org.name}`,
    details: { user: user.name },
  });
}

/** Any member may leave, except the last admin. */
export async function leaveOrganization(caller: Caller, orgName: string): Promise<void> {
  const org = await findOrganization(orgName);
  await updateMembership(org.id, caller.id, null);
  await insertAudit({ actorId: caller.id, action: "org.member.leave", target: `org:${org.name}` });
}
