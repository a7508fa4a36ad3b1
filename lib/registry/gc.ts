import "server-only";

import fs from "node:fs";
import fsp from "node:fs/promises";

import {
  countRecentUnreferencedBlobs,
  deleteRegistryBlobIfUnused,
  deleteUploadIfStale,
  findDigestsUsedOutsideRegistry,
  listStaleUploads,
  listUnreferencedRegistryBlobs,
} from "@/db/queries/registry-gc";
import { getBlobStore } from "@/lib/storage/blob-store";
import {
  registryUploadMaxIdleMs,
  sweepStaleTempFiles,
  type TempSweepReport,
} from "@/lib/storage/temp-sweep";

import { digestHex } from "./names";

export type RegistryGcOptions = {
  /** Report what would be freed without deleting anything. */
  dryRun?: boolean;
  /** Blobs uploaded, mounted or pushed more recently than this are kept: a push may still be on its way. */
  graceMs?: number;
  /** Upload sessions idle for longer than this are abandoned. */
  uploadMaxIdleMs?: number;
  now?: Date;
};

export type RegistryGcReport = {
  dryRun: boolean;
  blobs: { count: number; bytes: number; digests: string[] };
  uploads: { count: number; bytes: number };
  /** Temp files a crash left behind (see `sweepStaleTempFiles`). */
  tempFiles: TempSweepReport;
  kept: { recent: number; usedByLfs: number };
  durationMs: number;
};

const hour = 60 * 60_000;

async function fileSize(file: string): Promise<number> {
  return (await fsp.stat(file).catch(() => null))?.size ?? 0;
}

/**
 * Mark and sweep over the blobs the registry owns. Marked: registry-recorded blobs that no
 * manifest is or references, older than the grace period, and not used by git LFS (which shares
 * the blob store). Each is then swept in its own write transaction that re-checks all of that, so
 * GC never races a push; uploads need no lock, because a finished upload's blob is fresh. Idle
 * upload sessions (and their temp files) are removed too, and so are temp files a crash left
 * anywhere under the data dir once they are older than the longest allowed upload.
 */
export async function runRegistryGc(options: RegistryGcOptions = {}): Promise<RegistryGcReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const cutoff = new Date(now.getTime() - (options.graceMs ?? hour));
  const store = getBlobStore();
  const report: RegistryGcReport = {
    dryRun,
    blobs: { count: 0, bytes: 0, digests: [] },
    uploads: { count: 0, bytes: 0 },
    tempFiles: { count: 0, bytes: 0 },
    kept: { recent: await countRecentUnreferencedBlobs(cutoff), usedByLfs: 0 },
    durationMs: 0,
  };

  const candidates = await listUnreferencedRegistryBlobs(cutoff);
  const usedElsewhere = await findDigestsUsedOutsideRegistry(candidates.map((c) => c.digest));
  for (const blob of candidates) {
    if (usedElsewhere.has(blob.digest)) {
      report.kept.usedByLfs++;
      continue;
    }
    const file = store.localPath(digestHex(blob.digest));
    const removed =
      dryRun ||
      (await deleteRegistryBlobIfUnused(blob.digest, cutoff, () => {
        if (file) fs.rmSync(file, { force: true });
      }));
    if (!removed) continue;
    if (!dryRun && !file) await store.delete(digestHex(blob.digest));
    report.blobs.count++;
    report.blobs.bytes += blob.size;
    report.blobs.digests.push(blob.digest);
  }

  const idleCutoff = new Date(now.getTime() - (options.uploadMaxIdleMs ?? registryUploadMaxIdleMs));
  for (const upload of await listStaleUploads(idleCutoff, now)) {
    const bytes = await fileSize(upload.tempFile);
    if (!dryRun) {
      if (!(await deleteUploadIfStale(upload.id, idleCutoff, now))) continue;
      await fsp.rm(upload.tempFile, { force: true });
    }
    report.uploads.count++;
    report.uploads.bytes += bytes;
  }

  // After the sessions above: the temp files of the ones just abandoned are gone already.
  report.tempFiles = await sweepStaleTempFiles({ dryRun, now });

  report.durationMs = Date.now() - started;
  return report;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One line for `npm run cli -- registry:gc [--dry-run]`. */
export function formatRegistryGcReport(report: RegistryGcReport): string {
  const verb = report.dryRun ? "Would free" : "Freed";
  return (
    `${verb} ${report.blobs.count} unused blob(s), ${megabytes(report.blobs.bytes)}, ` +
    `${report.uploads.count} abandoned upload(s), ${megabytes(report.uploads.bytes)}, and ` +
    `${report.tempFiles.count} stale temp file(s), ${megabytes(report.tempFiles.bytes)}; ` +
    `kept ${report.kept.recent} recent unused blob(s) and ${report.kept.usedByLfs} used by git LFS ` +
    `(${report.durationMs} ms).`
  );
}
