"use server";

import { redirect } from "next/navigation";

import { defineAction } from "@/lib/actions/action";
import { createOrganization } from "@/lib/orgs/organizations";
import { createOrgSchema } from "@/lib/validation/orgs";

export const createOrgAction = defineAction(
  { schema: createOrgSchema },
  async (input, { caller }) => {
    const org = await createOrganization(caller, input);
    redirect(`/${org.name}`);
  },
);
