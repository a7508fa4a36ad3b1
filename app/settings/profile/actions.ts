"use server";

import { revalidatePath } from "next/cache";

import { updateProfile } from "@/lib/accounts/users";
import { defineAction } from "@/lib/actions/action";
import { profileSchema } from "@/lib/validation/accounts";

export const updateProfileAction = defineAction(
  { schema: profileSchema },
  async (input, { caller }) => {
    // Always the caller's own profile: the id comes from the session, never from the form.
    await updateProfile(caller.id, input);
    revalidatePath(`/${caller.name}`);
    return null;
  },
);
