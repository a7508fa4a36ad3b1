import "server-only";

import { listIndexedHeads } from "@/db/queries/repos";
import { resolveRevision } from "@/lib/hub";
import { startBackgroundTask } from "@/lib/server/background-task";

import { syncSpaceBuild } from "@/lib/spaces/builds";

import { refOf } from "./access";
import { indexRepository } from "./indexer";

const pageSize = 200;

/**
 * Re-indexes every repository whose default branch is not at the commit its index recorded. The
 * change listener keeps the index current as changes happen in this process; this pass catches
 * what it cannot see: a change by another process (the CLI, a second server) and one whose
 * re-index was lost to a crash, and Space builds owed for a head commit. Runs at start and on the
 * background timer.
 */
export async function reconcileRepoIndex(): Promise<{ checked: number; reindexed: number[] }> {
  const reindexed: number[] = [];
  let checked = 0;
  for (let after = 0; ;) {
    const page = await listIndexedHeads(after, pageSize);
    for (const repo of page) {
      checked++;
      try {
        // Idempotent: a Space whose head already has its build (or its reason not to) is left alone.
        if (repo.type === "space") await syncSpaceBuild(repo);
        const head = await resolveRevision(refOf(repo), "HEAD");
        if ((head?.commit ?? null) === repo.headCommit) continue;
        await indexRepository(repo);
        reindexed.push(repo.id);
      } catch (error) {
        // One broken repository must not stop the others from being brought up to date.
        console.error(`[strata] re-indexing ${repo.ownerName}/${repo.name} failed:`, error);
      }
    }
    if (page.length < pageSize) return { checked, reindexed };
    after = page[page.length - 1]!.id;
  }
}

/** Reconciles once now and then every ten minutes. */
export function startIndexReconciler(): void {
  startBackgroundTask("index reconcile", 10 * 60_000, async () => {
    const { reindexed } = await reconcileRepoIndex();
    if (reindexed.length) {
      console.log(`[strata] re-indexed ${reindexed.length} repositories changed out of sight`);
    }
  });
}
