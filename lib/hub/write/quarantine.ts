import "server-only";

import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";

import { quarantinePrefix } from "@/lib/hub/repos/sweep";

/**
 * New objects of a server-side commit are written to a private object directory (like git's own
 * receive-pack quarantine) and moved into the repository only right before the ref moves. A
 * failed commit therefore leaves no objects behind at all.
 */
export type Quarantine = {
  dir: string;
  /** Environment that sends git's writes to the quarantine while it still reads the repository. */
  env: Record<string, string>;
  migrate(): Promise<void>;
  dispose(): Promise<void>;
};

async function moveAll(fromDir: string, toDir: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await fsp.mkdir(toDir, { recursive: true, mode: 0o700 });
  for (const name of names) await fsp.rename(path.join(fromDir, name), path.join(toDir, name));
}

export async function createQuarantine(gitDir: string): Promise<Quarantine> {
  const objects = path.join(gitDir, "objects");
  const dir = path.join(objects, `${quarantinePrefix}${randomUUID()}`);
  await fsp.mkdir(dir, { mode: 0o700 });
  return {
    dir,
    env: { GIT_OBJECT_DIRECTORY: dir, GIT_ALTERNATE_OBJECT_DIRECTORIES: objects },
    async migrate() {
      for (const entry of await fsp.readdir(dir)) {
        if (/^[0-9a-f]{2}$/.test(entry)) {
          await moveAll(
            path.join(dir, entry),
            path.join(objects, entry),
            await fsp.readdir(path.join(dir, entry)),
          );
        } else if (entry === "pack") {
          // Packs before their indexes, so a reader never finds an index without its pack.
          const files = await fsp.readdir(path.join(dir, "pack"));
          const rank = (name: string) => (name.endsWith(".idx") ? 1 : 0);
          await moveAll(
            path.join(dir, "pack"),
            path.join(objects, "pack"),
            files.sort((a, b) => rank(a) - rank(b)),
          );
        }
      }
    },
    async dispose() {
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}
