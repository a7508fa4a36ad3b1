"use server";

import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/action";
import { maxCommitOperations } from "@/lib/hub/limits";
import { listExistingFiles } from "@/lib/repos/uploads/existing-files";

const existingFilesSchema = z.object({
  type: z.enum(repoTypes),
  owner: z.string().min(1).max(39),
  name: z.string().min(1).max(96),
  branch: z.string().min(1).max(200),
  paths: z.array(z.string().max(4096)).max(maxCommitOperations),
});

/** Which of the files a writer is about to upload already exist on the branch (to offer "replace"). */
export const existingFilesAction = defineAction(
  { schema: existingFilesSchema },
  async ({ branch, paths, ...address }, { caller }) =>
    listExistingFiles(caller, address, { branch, paths }),
);
