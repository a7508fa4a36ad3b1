import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { listHubTempEntries } from "@/lib/hub/repos/sweep";
import { stagedUploadTtlMs } from "@/lib/repos/uploads/limits";
import { getBlobStore } from "@/lib/storage/blob-store";

/** A registry upload session may sit idle this long between chunks before it is abandoned. */
export const registryUploadMaxIdleMs = 24 * 60 * 60 * 1000;

/**
 * The longest any upload may legitimately keep a temp file: a resumable registry upload idle
 * between chunks, or a browser upload waiting to be committed. Commits and LFS PUTs stream into
 * files that grow (and so stay fresh) while they run.
 */
const longestUploadMs = Math.max(registryUploadMaxIdleMs, stagedUploadTtlMs);

/**
 * Temp files untouched for longer than this belong to no running operation: a crash (`kill -9`,
 * power loss) left them. The margin covers clock skew and a request still finishing at the limit.
 */
export const staleTempAfterMs = longestUploadMs + 60 * 60 * 1000;

export type TempSweepReport = { count: number; bytes: number };

/** Size of a file, or of everything under a directory. */
async function sizeOf(entry: string): Promise<number> {
  const stats = await fsp.lstat(entry).catch(() => null);
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.size;
  let total = 0;
  for (const name of await fsp.readdir(entry).catch(() => [] as string[])) {
    total += await sizeOf(path.join(entry, name));
  }
  return total;
}

/** Newest modification time of an entry and, for a directory, of anything under it. */
async function lastTouched(entry: string): Promise<number> {
  const stats = await fsp.lstat(entry).catch(() => null);
  if (!stats) return Number.POSITIVE_INFINITY;
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const name of await fsp.readdir(entry).catch(() => [] as string[])) {
      newest = Math.max(newest, await lastTouched(path.join(entry, name)));
    }
  }
  return newest;
}

/**
 * Removes temp files and directories a crashed process left under the data dir: blob store temp
 * files (`write-*`, `commit-*`, `hf-commit-*`, `oci-upload-*`, `web-upload-*`), half-built and
 * deleted repositories, and commit quarantines. Only entries nothing touched for
 * `staleTempAfterMs` go, so a running upload is never cut off. With `dryRun` nothing is deleted and
 * the report says what would be freed.
 */
export async function sweepStaleTempFiles(
  options: { dryRun?: boolean; now?: Date; olderThanMs?: number } = {},
): Promise<TempSweepReport> {
  const now = (options.now ?? new Date()).getTime();
  const olderThanMs = options.olderThanMs ?? staleTempAfterMs;
  const report: TempSweepReport = { count: 0, bytes: 0 };
  // The blob store's temp area holds every upload and commit in progress (one known root, on the
  // same file system as the blobs for the final rename); the hub lists its own leftovers.
  const blobTemp = path.dirname(getBlobStore().tempPath());
  const entries = [
    ...(await fsp.readdir(blobTemp).catch(() => [] as string[])).map((name) =>
      path.join(blobTemp, name),
    ),
    ...(await listHubTempEntries()),
  ];
  for (const entry of entries) {
    if (now - (await lastTouched(entry)) < olderThanMs) continue;
    const bytes = await sizeOf(entry);
    if (!options.dryRun) await fsp.rm(entry, { recursive: true, force: true });
    report.count++;
    report.bytes += bytes;
  }
  return report;
}

/** The sweep at server start: logs what it removed, never stops the start. */
export async function sweepStaleTempFilesAtStart(): Promise<void> {
  try {
    const { count, bytes } = await sweepStaleTempFiles();
    if (count > 0) {
      console.log(`[strata] removed ${count} stale temp file(s), ${(bytes / 1e6).toFixed(1)} MB`);
    }
  } catch (error) {
    console.error("[strata] sweeping stale temp files failed:", error);
  }
}
