"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";
import { spaceHardwareIds } from "@/lib/hub/repos/space-templates";
import { setRepoLicense } from "@/lib/repos/card/set-license";
import { deleteRepo, updateRepo } from "@/lib/repos/manage";
import { setSpaceEnvironment } from "@/lib/repos/space-environment";
import { repoHref } from "@/lib/repos/urls";

// Every action names the repository and re-checks admin rights on it inside lib/repos.
const address = {
  type: z.enum(repoTypes),
  owner: z.string().min(1).max(39),
  name: z.string().min(1).max(96),
};

const refresh = (repo: { type: (typeof repoTypes)[number]; owner: string; name: string }) =>
  revalidatePath(repoHref(repo), "layout");

export const updateDescriptionAction = defineAction(
  {
    schema: z.object({
      ...address,
      description: z.string().trim().max(300, "Use at most 300 characters."),
    }),
  },
  async ({ description, ...repo }, { caller }) => {
    await updateRepo(caller, repo, { description });
    refresh(repo);
    return null;
  },
);

export const setVisibilityAction = defineAction(
  { schema: z.object({ ...address, visibility: z.enum(["public", "private"]) }) },
  async ({ visibility, ...repo }, { caller }) => {
    await updateRepo(caller, repo, { isPrivate: visibility === "private" });
    refresh(repo);
    return { visibility };
  },
);

export const setLicenseAction = defineAction(
  {
    schema: z.object({
      ...address,
      license: z.string().trim().min(1, "Choose a license.").max(64),
    }),
  },
  async ({ license, ...repo }, { caller }) => {
    const commit = await setRepoLicense(caller, repo, license);
    refresh(repo);
    return { commit };
  },
);

export const setSpaceEnvironmentAction = defineAction(
  {
    schema: z.object({
      owner: address.owner,
      name: address.name,
      hardware: z.enum(spaceHardwareIds),
      baseImage: z.string().trim().max(300).optional(),
    }),
  },
  async ({ hardware, baseImage, ...space }, { caller }) => {
    const repo = { type: "space" as const, ...space };
    const commit = await setSpaceEnvironment(caller, repo, { hardware, baseImage });
    refresh(repo);
    return { commit };
  },
);

export const deleteRepoAction = defineAction(
  { schema: z.object({ ...address, confirm: z.string().trim() }) },
  async ({ confirm, ...repo }, { caller }) => {
    if (confirm !== `${repo.owner}/${repo.name}`) {
      throw new AppError("bad_request", `Type ${repo.owner}/${repo.name} to confirm.`, {
        fieldErrors: { confirm: [`Type ${repo.owner}/${repo.name} exactly.`] },
      });
    }
    await deleteRepo(caller, repo);
    redirect(`/${repo.owner}`);
  },
);
