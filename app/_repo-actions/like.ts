"use server";

import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/action";
import { setLike } from "@/lib/repos/engagement";

const likeSchema = z.object({
  type: z.enum(repoTypes),
  owner: z.string().min(1).max(39),
  name: z.string().min(1).max(96),
  liked: z.boolean(),
});

/** Likes or unlikes a repository the caller can read; one like per user. */
export const setLikeAction = defineAction(
  { schema: likeSchema },
  async ({ liked, ...address }, { caller }) => setLike(caller, address, liked),
);
