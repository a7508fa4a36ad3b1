import { listUsers } from "@/db/queries/owners";
import { createUserAccount } from "@/lib/accounts/users";

import { requireString, type Command } from "../command";

export const usersCreate: Command = {
  name: "users:create",
  usage: "users:create --username U --password P [--email E] [--admin]",
  description: "Create a user account (same name and password rules as sign-up).",
  options: {
    username: { type: "string" },
    password: { type: "string" },
    email: { type: "string" },
    admin: { type: "boolean", default: false },
  },
  async run(values) {
    const user = await createUserAccount({
      username: requireString(values, "username", this),
      password: requireString(values, "password", this),
      email: typeof values.email === "string" ? values.email : undefined,
      isAdmin: values.admin === true,
    });
    console.log(`Created ${user.isAdmin ? "admin " : ""}user ${user.name}`);
  },
};

export const usersList: Command = {
  name: "users:list",
  usage: "users:list",
  description: "List user accounts.",
  options: {},
  async run() {
    const users = await listUsers();
    if (users.length === 0) {
      console.log(
        "No users yet. Create one with: npm run cli -- users:create --username U --password P",
      );
      return;
    }
    for (const user of users) {
      console.log(
        [
          user.name,
          user.isAdmin ? "admin" : "user",
          user.email ?? "-",
          user.createdAt.toISOString(),
        ].join("\t"),
      );
    }
  },
};
