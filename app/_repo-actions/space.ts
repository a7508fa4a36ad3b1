"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { repoHref } from "@/lib/repos/urls";
import { rebuildSpace } from "@/lib/spaces/builds";
import { pauseSpace, restartSpace } from "@/lib/spaces/runs";
import { isValidSleepSeconds, setSpaceSleepTime } from "@/lib/spaces/sleep";
import {
  deleteSpaceVariableSchema,
  removeSpaceVariable,
  setSpaceVariable,
  setSpaceVariableSchema,
} from "@/lib/spaces/variables";

// Every action names the Space; lib/spaces re-checks that the caller may write to it.
const address = { owner: z.string().min(1).max(39), name: z.string().min(1).max(96) };
// In the variable forms `name` is the variable's: the Space is `owner` + `space`.
const spaceFields = { owner: address.owner, space: address.name };

const refresh = (space: { owner: string; name: string }) =>
  revalidatePath(repoHref({ type: "space", ...space }), "layout");

/**
 * Builds a Space's head commit again (`factory`: with no cached layer); writers of the Space only
 * (checked in lib/spaces).
 */
export const rebuildSpaceAction = defineAction(
  { schema: z.object({ ...address, factory: z.literal("true").optional() }) },
  async ({ factory, ...space }, { caller }) => {
    const result = await rebuildSpace(
      caller,
      { type: "space", ...space },
      { noCache: factory === "true" },
    );
    revalidatePath(repoHref({ type: "space", ...space }));
    return result;
  },
);

/** Starts the Space's app afresh (also resumes a paused Space); writers only (checked in lib/spaces). */
export const restartSpaceAction = defineAction(
  { schema: z.object(address) },
  async (space, { caller }) => {
    await restartSpace(caller, { type: "space", ...space });
    refresh(space);
    return {};
  },
);

/** Stops the Space's app until a writer resumes it; writers only (checked in lib/spaces). */
export const pauseSpaceAction = defineAction(
  { schema: z.object(address) },
  async (space, { caller }) => {
    await pauseSpace(caller, { type: "space", ...space });
    refresh(space);
    return {};
  },
);

/** How long the Space's app may sit idle before it sleeps; writers only (checked in lib/spaces). */
export const setSpaceSleepTimeAction = defineAction(
  {
    schema: z.object({
      ...address,
      seconds: z
        .string()
        .transform((value) => (value === "" ? null : Number(value)))
        .refine((value) => value === null || isValidSleepSeconds(value), "Pick one of the times."),
    }),
  },
  async ({ seconds, ...space }, { caller }) => {
    await setSpaceSleepTime(caller, { type: "space", ...space }, seconds);
    refresh(space);
    return {};
  },
);

/** Adds a variable or secret, or replaces its value; a variable's change rebuilds the Space. */
export const setSpaceVariableAction = defineAction(
  { schema: setSpaceVariableSchema.extend(spaceFields) },
  async ({ owner, space, ...entry }, { caller }) => {
    const result = await setSpaceVariable(caller, { type: "space", owner, name: space }, entry);
    refresh({ owner, name: space });
    return result;
  },
);

export const deleteSpaceVariableAction = defineAction(
  { schema: deleteSpaceVariableSchema.extend(spaceFields) },
  async ({ owner, space, ...entry }, { caller }) => {
    const result = await removeSpaceVariable(caller, { type: "space", owner, name: space }, entry);
    refresh({ owner, name: space });
    return result;
  },
);
