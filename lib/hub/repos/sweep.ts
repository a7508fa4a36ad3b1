import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { gitRoot, trashDir } from "@/lib/hub/paths";

/** Names of a commit's quarantine directory under a repository's `objects/` (see quarantine.ts). */
export const quarantinePrefix = "incoming-strata-";

async function children(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir).catch(() => [] as string[])).map((name) => path.join(dir, name));
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => path.join(dir, entry.name));
}

/**
 * What a crashed process can leave in the repository area: half-built new repositories (`.tmp`),
 * deleted ones not yet removed (`.trash`) and commit quarantines (`objects/incoming-strata-*`,
 * unreachable objects `git gc` never removes). Some may belong to a running operation; the caller
 * (`sweepStaleTempFiles`) decides by age.
 */
export async function listHubTempEntries(): Promise<string[]> {
  const found = [
    ...(await children(path.join(gitRoot(), ".tmp"))),
    ...(await children(trashDir())),
  ];
  for (const typeDir of await subdirs(gitRoot())) {
    for (const ownerDir of await subdirs(typeDir)) {
      for (const repoDir of await subdirs(ownerDir)) {
        const objects = path.join(repoDir, "objects");
        for (const entry of await children(objects)) {
          if (path.basename(entry).startsWith(quarantinePrefix)) found.push(entry);
        }
      }
    }
  }
  return found;
}
