"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";
import { pathComponent, tagName } from "@/lib/images/catalog/catalog-write";
import {
  deleteImageRepository,
  deleteImageTag,
  updateImageRepositorySettings,
} from "@/lib/images/catalog/repository-settings";
import { imageDescription } from "@/lib/images/stack/repository-settings-input";

// Every action names the image repository; lib/images re-checks write access on it.
const address = { namespace: pathComponent, name: pathComponent };

const hrefOf = (path: { namespace: string; name: string }) =>
  `/images/${path.namespace}/${path.name}`;

const refresh = (path: { namespace: string; name: string }) => {
  revalidatePath(hrefOf(path), "layout");
  revalidatePath("/images");
};

export const updateImageDescriptionAction = defineAction(
  { schema: z.object({ ...address, description: imageDescription }) },
  async ({ description, ...path }, { caller }) => {
    await updateImageRepositorySettings(caller, path, { description });
    refresh(path);
    return null;
  },
);

export const setImageVisibilityAction = defineAction(
  { schema: z.object({ ...address, visibility: z.enum(["public", "private"]) }) },
  async ({ visibility, ...path }, { caller }) => {
    await updateImageRepositorySettings(caller, path, { isPrivate: visibility === "private" });
    refresh(path);
    return { visibility };
  },
);

export const deleteImageTagAction = defineAction(
  { schema: z.object({ ...address, tag: tagName }) },
  async ({ tag, ...path }, { caller }) => {
    await deleteImageTag(caller, { ...path, tag });
    refresh(path);
    return { tag };
  },
);

export const deleteImageRepositoryAction = defineAction(
  { schema: z.object({ ...address, confirm: z.string().trim() }) },
  async ({ confirm, ...path }, { caller }) => {
    const id = `${path.namespace}/${path.name}`;
    if (confirm !== id) {
      throw new AppError("bad_request", `Type ${id} to confirm.`, {
        fieldErrors: { confirm: [`Type ${id} exactly.`] },
      });
    }
    await deleteImageRepository(caller, path);
    refresh(path);
    redirect("/images");
  },
);
