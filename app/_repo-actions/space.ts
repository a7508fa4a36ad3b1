"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { repoHref } from "@/lib/repos/urls";
import { rebuildSpace } from "@/lib/spaces/builds";

/** Builds a Space's head commit again; writers of the Space only (checked in lib/spaces). */
export const rebuildSpaceAction = defineAction(
  { schema: z.object({ owner: z.string().min(1).max(39), name: z.string().min(1).max(96) }) },
  async (space, { caller }) => {
    const result = await rebuildSpace(caller, { type: "space", ...space });
    revalidatePath(repoHref({ type: "space", ...space }));
    return result;
  },
);
