import "server-only";

import { listIndexedHeads } from "@/db/queries/repos";
import { resolveRevision } from "@/lib/hub";

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

const reconcileEveryMs = 10 * 60_000;
const globalForReconcile = globalThis as unknown as { strataIndexReconciler?: NodeJS.Timeout };

/** Reconciles once now and then every ten minutes (idempotent; the timer keeps nothing alive). */
export function startIndexReconciler(): void {
  if (globalForReconcile.strataIndexReconciler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { reindexed } = await reconcileRepoIndex();
      if (reindexed.length) {
        console.log(`[strata] re-indexed ${reindexed.length} repositories changed out of sight`);
      }
    } catch (error) {
      console.error("[strata] index reconcile failed:", error);
    } finally {
      running = false;
    }
  };
  globalForReconcile.strataIndexReconciler = setInterval(() => void tick(), reconcileEveryMs);
  globalForReconcile.strataIndexReconciler.unref();
  void tick();
}
