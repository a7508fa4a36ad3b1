import "server-only";

import { onRepoChanged } from "@/lib/hub/events";

const globalForLinker = globalThis as unknown as { strataLfsLinker?: boolean };

/**
 * Links LFS content stored by site commits to its repository (`web-linker.ts`). Registered once
 * per process at server start; the linker loads on the first change, so this costs nothing then.
 */
export function registerLfsLinker(): void {
  if (globalForLinker.strataLfsLinker) return;
  globalForLinker.strataLfsLinker = true;
  onRepoChanged(async (change) => {
    if (change.kind !== "refs" || change.source !== "web") return;
    const { linkWebCommit } = await import("./web-linker");
    await linkWebCommit(change);
  });
}
