import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { deleteExpiredStagedUploads, findStagedTempFiles } from "@/db/queries/staged-uploads";
import { getBlobStore } from "@/lib/storage/blob-store";

/** Temp files of browser uploads start with this label (see `getBlobStore().tempPath`). */
export const uploadTempLabel = "web-upload";

/** An upload file nobody wrote to for this long, and that no row names, was left by a crash or a dropped connection. */
const abandonedAfterMs = 60 * 60 * 1000;
const sweepEveryMs = 10 * 60 * 1000;

const globalForSweep = globalThis as unknown as {
  strataUploadSweep?: { at: number; running: Promise<number> | null };
};

/**
 * Removes expired staged uploads (rows and files) and upload temp files no row names that have not
 * grown for an hour (an upload cut off by a crash or a dropped connection). Returns how many files
 * were removed.
 */
export async function sweepStagedUploads(now = new Date()): Promise<number> {
  let removed = 0;
  for (const file of await deleteExpiredStagedUploads(now)) {
    await fsp.rm(file, { force: true });
    removed += 1;
  }
  const tmpDir = path.dirname(getBlobStore().tempPath(uploadTempLabel));
  const names = (await fsp.readdir(tmpDir).catch(() => [] as string[])).filter((n) =>
    n.startsWith(`${uploadTempLabel}-`),
  );
  const candidates: string[] = [];
  for (const name of names) {
    const file = path.join(tmpDir, name);
    const stats = await fsp.stat(file).catch(() => null);
    if (stats && now.getTime() - stats.mtimeMs > abandonedAfterMs) candidates.push(file);
  }
  const named = await findStagedTempFiles(candidates);
  for (const file of candidates.filter((f) => !named.has(f))) {
    await fsp.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Runs the sweep at most every ten minutes per process, in the background. Called by upload and
 * commit requests, so a server that takes uploads also cleans up after them without a timer.
 */
export function sweepStagedUploadsSometimes(): void {
  const state = (globalForSweep.strataUploadSweep ??= { at: 0, running: null });
  if (state.running || Date.now() - state.at < sweepEveryMs) return;
  state.at = Date.now();
  state.running = sweepStagedUploads()
    .catch((error: unknown) => {
      console.error("[strata] sweeping staged uploads failed:", error);
      return 0;
    })
    .finally(() => {
      state.running = null;
    });
}
