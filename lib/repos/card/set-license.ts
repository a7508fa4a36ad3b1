import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { commitChanges, getDefaultBranch, requireRevision } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";

import { getRepo } from "../access";
import { commitIdentity } from "../identity";
import { setFrontMatterValue } from "./front-matter-edit";
import { readReadme } from "./read-readme";

const licenseIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.+_-]{0,63}$/, "Choose a license id such as apache-2.0 or mit.");

/**
 * Changes a repository's license the way the card says it: a commit to the default branch that
 * sets `license:` in the README's front matter and keeps the rest of the YAML and the text as they
 * were. Needs admin rights. Returns the new commit, or null when the license was already set.
 */
export async function setRepoLicense(
  caller: Caller,
  address: RepoRef,
  license: string,
): Promise<string | null> {
  const id = licenseIdSchema.parse(license);
  const { ref } = await getRepo(caller, address, "admin");
  const branch = await getDefaultBranch(ref);
  const { commit } = await requireRevision(ref, branch);
  const before = await readReadme(ref, commit);
  const after = setFrontMatterValue(before, "license", id);
  if (after === before) return null;
  const result = await commitChanges({
    repo: ref,
    branch,
    parentCommit: commit,
    message: `Set license to ${id}`,
    author: commitIdentity(caller),
    operations: [{ kind: "file", path: "README.md", source: { content: after } }],
  });
  return result.commit;
}
