import { z } from "zod";

import { memberRoles } from "@/db/schema/enums";

import { ownerNameSchema } from "./names";

export const createOrgSchema = z.object({
  name: ownerNameSchema,
  displayName: z.string().trim().max(64, "Use at most 64 characters.").optional(),
});

const memberRoleSchema = z.enum(memberRoles, { message: "Choose read, write or admin." });

export const addMemberSchema = z.object({
  org: z.string().min(1).max(39),
  username: z.string().trim().min(1, "Enter a username.").max(39),
  role: memberRoleSchema,
});

export const changeRoleSchema = z.object({
  org: z.string().min(1).max(39),
  username: z.string().min(1).max(39),
  role: memberRoleSchema,
});

export const memberRefSchema = z.object({
  org: z.string().min(1).max(39),
  username: z.string().min(1).max(39),
});
