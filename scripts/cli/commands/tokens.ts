import { findUserByName } from "@/db/queries/owners";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { AppError } from "@/lib/errors";

import { requireString, type Command } from "../command";

export const tokensCreate: Command = {
  name: "tokens:create",
  usage: "tokens:create --username U --name N --scope read|write",
  description: "Create an access token for a user; prints only the token.",
  options: { username: { type: "string" }, name: { type: "string" }, scope: { type: "string" } },
  async run(values) {
    const username = requireString(values, "username", this);
    const user = await findUserByName(username);
    if (!user) throw new AppError("not_found", `There is no user called "${username}".`);
    const created = await createAccessToken(user.id, {
      name: requireString(values, "name", this),
      scope: requireString(values, "scope", this) as "read" | "write",
    });
    // Only the token on stdout, so scripts can capture it: TOKEN=$(npm run -s cli -- tokens:create …)
    console.log(created.token);
  },
};
