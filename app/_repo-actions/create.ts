"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { spaceColors, spaceHardwareIds, spaceSdks } from "@/lib/hub/repos/space-templates";
import { createRepo, createdCard } from "@/lib/repos/create";
import { hostedRepoTypes } from "@/lib/repos/kinds";
import { repoHref } from "@/lib/repos/urls";

const optional = z
  .string()
  .trim()
  .max(64)
  .transform((v) => v || undefined)
  .optional();
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

const createFormSchema = z.object({
  type: z.enum(hostedRepoTypes),
  owner: z.string().trim().min(1, "Choose an owner.").max(39),
  name: z.string().trim().min(1, "Enter a name.").max(200),
  license: optional,
  visibility: z.enum(["public", "private"]).default("public"),
  task: optional,
  frameworks: list,
  hardware: list,
  description: z.string().trim().max(300, "Use at most 300 characters.").optional(),
  // A Space's choices (createRepo checks the base environment against the catalog).
  sdk: z.enum(spaceSdks).optional(),
  spaceHardware: z.enum(spaceHardwareIds).default("cpu-basic"),
  spaceTitle: optional,
  emoji: z.string().trim().max(8).optional(),
  colorFrom: z.enum(spaceColors).optional(),
  colorTo: z.enum(spaceColors).optional(),
  baseImage: z
    .string()
    .trim()
    .max(300)
    .transform((v) => v || undefined)
    .optional(),
});

/** The Space part of the form, as createRepo takes it. */
function spaceChoices(input: z.output<typeof createFormSchema>) {
  return {
    sdk: input.sdk ?? "gradio",
    hardware: input.spaceHardware,
    title: input.spaceTitle,
    emoji: input.emoji || undefined,
    colorFrom: input.colorFrom,
    colorTo: input.colorTo,
    shortDescription: input.description?.slice(0, 60),
    baseImage: input.sdk === "gradio" ? input.baseImage : undefined,
  };
}

/** Creates a repository of a hosted kind (with a card from the form's labels) and opens it. */
export const createRepoAction = defineAction(
  { schema: createFormSchema },
  async (input, { caller }) => {
    const repo = await createRepo(caller, {
      type: input.type,
      owner: input.owner,
      name: input.name,
      isPrivate: input.visibility === "private",
      description: input.description || undefined,
      card: createdCard(input.type, input),
      space: input.type === "space" ? spaceChoices(input) : undefined,
    });
    redirect(repoHref({ type: repo.type, owner: repo.ownerName, name: repo.name }));
  },
);
