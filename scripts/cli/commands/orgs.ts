import { findUserByName } from "@/db/queries/owners";
import { AppError } from "@/lib/errors";
import { createOrganization } from "@/lib/orgs/organizations";

import { requireString, type Command } from "../command";

export const orgsCreate: Command = {
  name: "orgs:create",
  usage: "orgs:create --name O --owner U",
  description: "Create an organisation with U as its first admin.",
  options: { name: { type: "string" }, owner: { type: "string" } },
  async run(values) {
    const ownerName = requireString(values, "owner", this);
    const owner = await findUserByName(ownerName);
    if (!owner) throw new AppError("not_found", `There is no user called "${ownerName}".`);
    const org = await createOrganization(
      { ...owner, auth: { type: "session" } },
      { name: requireString(values, "name", this) },
    );
    console.log(`Created organisation ${org.name} (admin: ${owner.name})`);
  },
};
