import "server-only";

import { findRepoRecord } from "@/db/queries/repos";
import { syncModelCiOnPush } from "@/lib/model-ci/on-push";

import { demoRepos } from "./demo-repos";

/**
 * The demo models whose cards ask for CI on push get a real run of their head, started the way a
 * push starts one (the change listener usually has already; this is a no-op then). Nothing here
 * writes a result: the run's jobs wait for a runner that offers the environment (the embedded
 * runner of `npm run up` does) and record what really happened.
 */
export async function seedModelCi(): Promise<void> {
  for (const spec of demoRepos) {
    if (spec.type !== "model") continue;
    const record = await findRepoRecord("model", spec.owner, spec.name);
    if (record) await syncModelCiOnPush(record);
  }
}
