import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { gitRoot, trashDir } from "@/lib/hub/paths";

/**
 * Removes what a crashed process can leave behind in the repository area: half-built new
 * repositories (`.tmp`) and deleted ones not yet removed (`.trash`). Entries younger than
 * `olderThanMs` may belong to a running operation and are kept. Meant for server start and a
 * periodic maintenance job. (A commit's own leftovers live in `objects/incoming-strata-*` of its
 * repository and hold only unreachable objects; `git gc` does not remove them, so
 * `sweepRepositoryQuarantines` handles them per repository.)
 */
export async function sweepHubTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  for (const dir of [path.join(gitRoot(), ".tmp"), trashDir()]) {
    removed += await removeOld(dir, () => true, olderThanMs);
  }
  return removed;
}

/** Removes stale commit quarantines of one repository (see sweepHubTemp). */
export async function sweepRepositoryQuarantines(
  gitDir: string,
  olderThanMs = 60 * 60 * 1000,
): Promise<number> {
  return removeOld(
    path.join(gitDir, "objects"),
    (name) => name.startsWith("incoming-strata-"),
    olderThanMs,
  );
}

async function removeOld(
  dir: string,
  matches: (name: string) => boolean,
  olderThanMs: number,
): Promise<number> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter(matches)) {
    const entry = path.join(dir, name);
    const stats = await fsp.stat(entry).catch(() => null);
    if (!stats || Date.now() - stats.mtimeMs < olderThanMs) continue;
    await fsp.rm(entry, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
