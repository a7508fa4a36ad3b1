import "server-only";

import { onRepoChanged } from "@/lib/hub/events";

const globalForIndexer = globalThis as unknown as { strataRepoIndexer?: boolean };

/**
 * Keeps the search index and card labels in step with every change, whichever path made it (web
 * upload, HF API, git push). Registered once per process: at server start, in the CLI and in tests.
 * The indexer is loaded on the first change, so registering costs nothing at start.
 */
export function registerRepoIndexer(): void {
  if (globalForIndexer.strataRepoIndexer) return;
  globalForIndexer.strataRepoIndexer = true;
  onRepoChanged(async (change) => {
    const { reindexAfterChange } = await import("./indexer");
    await reindexAfterChange(change);
  });
}
