import "server-only";

import { listUserOrgs, type UserOrg } from "@/db/queries/orgs";
import { findOwnerByName, type OwnerProfile } from "@/db/queries/owners";

export type { OwnerProfile, UserOrg };

/** A user's or organisation's public profile by name, or null. */
export function findProfile(name: string): Promise<OwnerProfile | null> {
  return findOwnerByName(name);
}

/** The organisations a user belongs to, with their role (shown on profiles and settings). */
export function listOrganizationsOf(userId: number): Promise<UserOrg[]> {
  return listUserOrgs(userId);
}
