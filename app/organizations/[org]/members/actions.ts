"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { defineAction } from "@/lib/actions/action";
import {
  addMember,
  changeMemberRole,
  leaveOrganization,
  removeMember,
} from "@/lib/orgs/organizations";
import { addMemberSchema, changeRoleSchema, memberRefSchema } from "@/lib/validation/orgs";

// Each function below re-reads the organisation and checks the caller's own role in it.

export const addMemberAction = defineAction(
  { schema: addMemberSchema },
  async (input, { caller }) => {
    await addMember(caller, input);
    revalidatePath(`/organizations/${input.org}/members`);
    return null;
  },
);

export const changeRoleAction = defineAction(
  { schema: changeRoleSchema },
  async (input, { caller }) => {
    await changeMemberRole(caller, input);
    revalidatePath(`/organizations/${input.org}/members`);
    return null;
  },
);

export const removeMemberAction = defineAction(
  { schema: memberRefSchema },
  async (input, { caller }) => {
    await removeMember(caller, input);
    revalidatePath(`/organizations/${input.org}/members`);
    return null;
  },
);

export const leaveOrgAction = defineAction(
  { schema: memberRefSchema.pick({ org: true }) },
  async ({ org }, { caller }) => {
    await leaveOrganization(caller, org);
    redirect(`/${org}`);
  },
);
