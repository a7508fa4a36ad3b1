import "server-only";

import { findMemberRole, insertMember, insertOrganization } from "@/db/queries/orgs";
import { findOwnerByName, findUserByName, type UserSummary } from "@/db/queries/owners";
import type { MemberRole } from "@/db/schema/enums";
import { createUserAccount } from "@/lib/accounts/users";

/** The demo sign-in printed by `npm run up`. Change it (or delete the user) on a real deployment. */
export const demoLogin = { username: "demo", password: "strata-demo" } as const;

const demoUsers = [
  {
    username: demoLogin.username,
    password: demoLogin.password,
    isAdmin: true,
    email: "demo@example.com",
  },
  { username: "alice", password: "alice-demo-pass", isAdmin: false, email: "alice@example.com" },
  { username: "bob", password: "bob-demo-pass", isAdmin: false, email: "bob@example.com" },
];

const demoOrgs: { name: string; displayName: string; members: [string, MemberRole][] }[] = [
  {
    name: "openmind",
    displayName: "openMind",
    members: [
      ["demo", "admin"],
      ["alice", "write"],
    ],
  },
  {
    name: "ascend",
    displayName: "Ascend",
    members: [
      ["demo", "admin"],
      ["bob", "read"],
    ],
  },
  { name: "base_image", displayName: "Base images", members: [["demo", "admin"]] },
];

async function ensureUser(spec: (typeof demoUsers)[number]): Promise<UserSummary> {
  return (await findUserByName(spec.username)) ?? createUserAccount(spec);
}

/** Creates the demo accounts and organisations that are missing; running it twice changes nothing. */
export async function seedAccounts(): Promise<void> {
  const users = new Map<string, UserSummary>();
  for (const spec of demoUsers) users.set(spec.username, await ensureUser(spec));

  for (const spec of demoOrgs) {
    const [firstAdmin] = spec.members;
    let org = await findOwnerByName(spec.name);
    if (!org) {
      org = await insertOrganization({
        name: spec.name,
        displayName: spec.displayName,
        creatorId: users.get(firstAdmin![0])!.id,
      });
    }
    for (const [username, role] of spec.members) {
      const user = users.get(username)!;
      if (!(await findMemberRole(org.id, user.id))) await insertMember(org.id, user.id, role);
    }
  }
}
