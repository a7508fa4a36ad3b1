"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/action";
import { createRepoRef, deleteRepoRef } from "@/lib/repos/refs";
import { repoHref } from "@/lib/repos/urls";
import { refNameProblem } from "@/lib/validation/ref-names";

const refFields = {
  type: z.enum(repoTypes),
  owner: z.string().min(1).max(39),
  repo: z.string().min(1).max(96),
  kind: z.enum(["branch", "tag"]),
  name: z
    .string()
    .trim()
    .superRefine((name, ctx) => {
      const problem = refNameProblem(name);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
};

/** Creates a branch or a tag at a revision; lib/repos re-checks write access on the repository. */
export const createRefAction = defineAction(
  {
    schema: z.object({
      ...refFields,
      from: z.string().trim().min(1, "Choose a revision.").max(256),
    }),
  },
  async ({ type, owner, repo, kind, name, from }, { caller }) => {
    const address = { type, owner, name: repo };
    const created = await createRepoRef(caller, { repo: address, kind, name, from });
    revalidatePath(repoHref(address), "layout");
    return { kind, name, commit: created.commit };
  },
);

/** Deletes a branch (not the default one) or a tag; writers only. */
export const deleteRefAction = defineAction(
  { schema: z.object(refFields) },
  async ({ type, owner, repo, kind, name }, { caller }) => {
    const address = { type, owner, name: repo };
    await deleteRepoRef(caller, { repo: address, kind, name });
    revalidatePath(repoHref(address), "layout");
    return { kind, name };
  },
);
