"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { rerunModelCi, startModelCi, startModelCiSchema } from "@/lib/model-ci/start";
import { repoHref } from "@/lib/repos/urls";

// Every action names the model; lib/model-ci re-checks that the caller may write to it.
const address = { owner: z.string().min(1).max(39), name: z.string().min(1).max(96) };

const refresh = (model: { owner: string; name: string }) =>
  revalidatePath(`${repoHref({ type: "model", ...model })}/ci`);

/** Starts a CI run in the chosen environments (one checkbox is a string, several an array). */
export const startModelCiAction = defineAction(
  {
    schema: startModelCiSchema.extend({
      ...address,
      environments: z.preprocess(
        (v) => (typeof v === "string" ? [v] : (v ?? [])),
        startModelCiSchema.shape.environments,
      ),
      revision: z.preprocess((v) => (v === "" ? undefined : v), startModelCiSchema.shape.revision),
    }),
  },
  async ({ owner, name, ...input }, { caller }) => {
    const result = await startModelCi(caller, { owner, name }, input);
    refresh({ owner, name });
    return result;
  },
);

/** Runs one environment of a run again, at the same commit. */
export const rerunModelCiAction = defineAction(
  { schema: z.object({ ...address, id: z.coerce.number().int().positive() }) },
  async ({ owner, name, id }, { caller }) => {
    const result = await rerunModelCi(caller, { owner, name }, id);
    refresh({ owner, name });
    return result;
  },
);
