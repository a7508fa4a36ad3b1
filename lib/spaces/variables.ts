import "server-only";

import { z } from "zod";

import {
  deleteSpaceVariable,
  listSpaceVariables,
  saveSpaceVariable,
  type SpaceVariableEntry,
} from "@/db/queries/space-variables";
import { spaceVariableKinds } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { resolveRevision, type RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";

import { rebuildSpace } from "./builds";
import { restartRunningSpace } from "./runs";
import { sealSecretValue } from "./secret-box";
import { maxSpaceVariables, variableNameSchema, variableValueSchema } from "./variable-rules";

// A Space's variables and secrets, for its writers. A variable is a build arg and part of the app's
// environment, so changing one builds the head commit again; a secret never enters a build (the
// app gets it when it runs), so changing one restarts the running app instead.

const kind = z.enum(spaceVariableKinds);

export const setSpaceVariableSchema = z.object({
  kind,
  name: variableNameSchema,
  value: variableValueSchema,
});
export const deleteSpaceVariableSchema = z.object({ kind, name: z.string().trim().min(1).max(64) });

type Change = { rebuildJobId: number | null; restartJobId: number | null };

const space = (address: RepoRef): RepoRef => ({ ...address, type: "space" });

/** What Settings lists: names and variables' values; a secret's value is never read. */
export async function loadSpaceVariables(
  caller: Caller,
  address: RepoRef,
): Promise<SpaceVariableEntry[]> {
  const { repo } = await getRepo(caller, space(address), "write");
  return listSpaceVariables(repo.id);
}

/** Adds a variable or secret, or replaces its value. */
export async function setSpaceVariable(
  caller: Caller,
  address: RepoRef,
  input: z.output<typeof setSpaceVariableSchema>,
): Promise<Change> {
  const { repo } = await getRepo(caller, space(address), "write");
  const result = await saveSpaceVariable(repo.id, {
    name: input.name,
    limit: maxSpaceVariables,
    ...(input.kind === "variable"
      ? { kind: "variable", value: input.value }
      : { kind: "secret", sealedValue: sealSecretValue(repo.id, input.name, input.value) }),
  });
  if (result === "other_kind") {
    const other = input.kind === "variable" ? "secret" : "variable";
    throw new AppError("conflict", `${input.name} is already a ${other}; delete it first.`, {
      fieldErrors: { name: [`${input.name} is already a ${other}.`] },
    });
  }
  if (result === "too_many") {
    throw new AppError(
      "conflict",
      `A Space has at most ${maxSpaceVariables} variables and secrets; delete one first.`,
    );
  }
  return afterChange(caller, address, input.kind);
}

export async function removeSpaceVariable(
  caller: Caller,
  address: RepoRef,
  input: z.output<typeof deleteSpaceVariableSchema>,
): Promise<Change> {
  const { repo } = await getRepo(caller, space(address), "write");
  if (!(await deleteSpaceVariable(repo.id, input))) {
    throw new AppError("not_found", `This Space has no ${input.kind} ${input.name}.`);
  }
  return afterChange(caller, address, input.kind);
}

/**
 * A variable is a build arg: the head commit is built again with the new set (and its run follows).
 * A secret only reaches the app when a run starts: a running app is restarted to get it.
 */
async function afterChange(
  caller: Caller,
  address: RepoRef,
  changed: z.output<typeof kind>,
): Promise<Change> {
  if (changed === "secret") {
    return { rebuildJobId: null, restartJobId: await restartRunningSpace(caller, address) };
  }
  if (!(await resolveRevision(space(address), "HEAD"))) {
    return { rebuildJobId: null, restartJobId: null };
  }
  const { jobId } = await rebuildSpace(caller, address);
  return { rebuildJobId: jobId, restartJobId: null };
}
