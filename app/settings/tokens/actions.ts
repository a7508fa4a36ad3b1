"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { createAccessToken, createTokenSchema, revokeAccessToken } from "@/lib/auth/access-tokens";

export const createTokenAction = defineAction(
  { schema: createTokenSchema },
  async (input, { caller }) => {
    const created = await createAccessToken(caller.id, input);
    revalidatePath("/settings/tokens");
    return { token: created.token, name: created.name, scope: created.scope };
  },
);

export const revokeTokenAction = defineAction(
  { schema: z.object({ tokenId: z.coerce.number().int().positive() }) },
  async ({ tokenId }, { caller }) => {
    // The query matches on (tokenId, caller.id): one user can never revoke another's token.
    await revokeAccessToken(caller.id, tokenId);
    revalidatePath("/settings/tokens");
    return null;
  },
);
