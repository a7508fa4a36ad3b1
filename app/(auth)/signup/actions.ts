"use server";

import { registerUser } from "@/lib/accounts/users";
import { defineAction } from "@/lib/actions/action";
import { signUpSchema } from "@/lib/validation/accounts";

export const signUpAction = defineAction(
  { schema: signUpSchema, access: "public" },
  async (input, { ip }) => {
    const user = await registerUser(input, ip);
    return { name: user.name };
  },
);
