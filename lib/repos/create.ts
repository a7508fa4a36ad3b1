import "server-only";

import { z } from "zod";

import { insertAudit } from "@/db/queries/audit";
import { findOwnerByName } from "@/db/queries/owners";
import {
  deleteRepoRecord,
  findRepoRecordById,
  insertRepoRecord,
  type RepoRecord,
} from "@/db/queries/repos";
import { repoTypes } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { initRepository } from "@/lib/hub";
import { spaceColors, spaceHardwareIds, spaceSdks } from "@/lib/hub/repos/space-templates";
import { repoNameSchema } from "@/lib/validation/repo-names";

import { commitIdentity } from "./identity";
import { repoKinds, type CreateField, type HostedRepoType } from "./kinds";
import { assertBaseImageOffered } from "./space-base-images";

const label = z.string().trim().min(1).max(64);

const createRepoSchema = z.object({
  type: z.enum(repoTypes),
  owner: z.string().trim().min(1, "Choose an owner.").max(39),
  name: repoNameSchema,
  isPrivate: z.boolean().default(false),
  description: z.string().trim().max(300, "Use at most 300 characters.").optional(),
  card: z
    .object({
      license: label.optional(),
      pipelineTag: label.optional(),
      /** A dataset's tasks (its card has `task_categories`, not `pipeline_tag`). */
      taskCategories: z.array(label).max(10).optional(),
      libraryName: label.optional(),
      frameworks: z.array(label).max(10).optional(),
      hardware: z.array(label).max(10).optional(),
      languages: z.array(label).max(20).optional(),
      tags: z.array(label).max(30).optional(),
    })
    .default({}),
  /** A Space's create-time choices (ignored for other kinds). */
  space: z
    .object({
      sdk: z.enum(spaceSdks),
      hardware: z.enum(spaceHardwareIds).default("cpu-basic"),
      title: z.string().trim().max(60, "Use at most 60 characters.").optional(),
      emoji: z.string().trim().max(8).optional(),
      colorFrom: z.enum(spaceColors).optional(),
      colorTo: z.enum(spaceColors).optional(),
      shortDescription: z.string().trim().max(60, "Use at most 60 characters.").optional(),
      baseImage: z
        .string()
        .trim()
        .max(300)
        .regex(/^[a-z0-9][a-z0-9.:/_-]*$/i, "Pick a base environment from the list.")
        .optional(),
    })
    .optional(),
});

export type CreateRepoInput = z.input<typeof createRepoSchema>;

/** The labels a create form collected, written the way the kind's card keeps them. */
export function createdCard(
  type: HostedRepoType,
  form: { license?: string; task?: string; frameworks: string[]; hardware: string[] },
): NonNullable<CreateRepoInput["card"]> {
  const kind = repoKinds[type];
  const offers = (field: CreateField) =>
    (kind.createFields as readonly CreateField[]).includes(field);
  const task = offers("task") && form.task ? form.task : undefined;
  return {
    license: form.license,
    ...(task && kind.taskField === "pipelineTag" ? { pipelineTag: task } : {}),
    ...(task && kind.taskField === "taskCategories" ? { taskCategories: [task] } : {}),
    ...(offers("frameworks") ? { frameworks: form.frameworks } : {}),
    ...(offers("hardware") ? { hardware: form.hardware } : {}),
  };
}

/**
 * Creates a repository: the row first (it claims the name atomically, case-insensitively), then
 * the bare git repository with its first commit. If git fails, the row is removed again.
 */
export async function createRepo(caller: Caller, input: CreateRepoInput): Promise<RepoRecord> {
  const data = createRepoSchema.parse(input);
  const owner = await findOwnerByName(data.owner);
  if (!owner) {
    throw new AppError("not_found", `There is no user or organisation called "${data.owner}".`, {
      fieldErrors: { owner: ["No such user or organisation."] },
    });
  }
  // Creating in a namespace is writing to it: yourself, or an organisation where you can write.
  await assertCan(
    caller,
    "write",
    { ownerId: owner.id, ownerKind: owner.kind, isPrivate: false },
    "Owner",
  );

  if (data.type === "space" && data.space?.baseImage)
    await assertBaseImageOffered(caller, data.space);

  const id = await insertRepoRecord({
    type: data.type,
    ownerId: owner.id,
    ownerName: owner.name,
    name: data.name,
    isPrivate: data.isPrivate,
    description: data.description || null,
  });
  try {
    await initRepository({
      type: data.type,
      owner: owner.name,
      name: data.name,
      author: commitIdentity(caller),
      card: data.card,
      space:
        data.type === "space"
          ? (data.space ?? { sdk: "gradio", hardware: "cpu-basic" })
          : undefined,
    });
  } catch (error) {
    await deleteRepoRecord(id);
    throw error;
  }
  await insertAudit({
    actorId: caller.id,
    action: "repo.create",
    target: `${data.type}:${owner.name}/${data.name}`,
    details: { private: data.isPrivate },
  });
  return (await findRepoRecordById(id))!;
}
