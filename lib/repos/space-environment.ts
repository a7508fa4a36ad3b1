import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { commitChanges, getDefaultBranch, requireRevision } from "@/lib/hub";
import { spaceHardwareIds } from "@/lib/hub/repos/space-templates";
import type { RepoRef } from "@/lib/hub/types";

import { getRepo } from "./access";
import { setFrontMatterValue } from "./card/front-matter-edit";
import { readReadme } from "./card/read-readme";
import { commitIdentity } from "./identity";
import { assertBaseImageOffered } from "./space-base-images";

export const spaceEnvironmentSchema = z.object({
  hardware: z.enum(spaceHardwareIds),
  /** Empty: keep none (a gradio Space then waits for one; static and docker Spaces need none). */
  baseImage: z.string().trim().max(300).optional(),
});

/**
 * Changes a Space's hardware and base environment the way its card holds them: one commit to the
 * default branch setting `hardware:` and `base_image:` in the README's front matter. That commit
 * builds the Space again, like any other change. Needs admin rights on the Space.
 */
export async function setSpaceEnvironment(
  caller: Caller,
  address: RepoRef,
  input: z.input<typeof spaceEnvironmentSchema>,
): Promise<string | null> {
  const { hardware, baseImage } = spaceEnvironmentSchema.parse(input);
  const { ref } = await getRepo(caller, { ...address, type: "space" }, "admin");
  if (baseImage) await assertBaseImageOffered(caller, { baseImage, hardware });
  const branch = await getDefaultBranch(ref);
  const { commit } = await requireRevision(ref, branch);
  const before = await readReadme(ref, commit);
  const after = setFrontMatterValue(
    setFrontMatterValue(before, "hardware", hardware),
    "base_image",
    baseImage || null,
  );
  if (after === before) return null;
  const result = await commitChanges({
    repo: ref,
    branch,
    parentCommit: commit,
    message: baseImage
      ? `Run on ${hardware} with base environment ${baseImage}`
      : `Run on ${hardware}`,
    author: commitIdentity(caller),
    operations: [{ kind: "file", path: "README.md", source: { content: after } }],
  });
  return result.commit;
}
