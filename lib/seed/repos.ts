import "server-only";

import { findUserByName } from "@/db/queries/owners";
import { findRepoRecord } from "@/db/queries/repos";
import type { Caller } from "@/lib/auth/caller";
import { commitChanges } from "@/lib/hub";
import { createRepo } from "@/lib/repos/create";
import { commitIdentity } from "@/lib/repos/identity";

import { demoLogin } from "./accounts";
import { demoRepos } from "./demo-repos";

/**
 * Creates the demo models and datasets that are missing (after the accounts and organisations):
 * one repository and one commit of its files each. Running it again changes nothing.
 */
export async function seedRepos(): Promise<number> {
  const demo = await findUserByName(demoLogin.username);
  if (!demo) return 0;
  const caller: Caller = { ...demo, auth: { type: "session" } };
  let created = 0;
  for (const spec of demoRepos) {
    if (await findRepoRecord(spec.type, spec.owner, spec.name)) continue;
    await createRepo(caller, {
      type: spec.type,
      owner: spec.owner,
      name: spec.name,
      description: spec.description,
    });
    await commitChanges({
      repo: { type: spec.type, owner: spec.owner, name: spec.name },
      branch: "main",
      message: "Add demo files",
      author: commitIdentity(caller),
      operations: Object.entries(spec.files).map(([path, content]) => ({
        kind: "file" as const,
        path,
        source: { content },
      })),
      source: "web",
    });
    created += 1;
  }
  return created;
}
