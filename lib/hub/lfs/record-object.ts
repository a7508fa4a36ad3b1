import "server-only";

import { recordLfsObject } from "@/db/queries/lfs-objects";
import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage/blob-store";

/**
 * Records a blob that is already in the store as LFS content. The row comes after the bytes, so a
 * crash in between leaves bytes without a row (swept like any unused blob), never a row without
 * bytes. When the store already held an identical unused registry blob, registry GC may remove it
 * between the write and this row; the row now protects it, so the caller only has to send it again.
 */
export async function recordStoredLfsObject(sha256: string, size: number): Promise<void> {
  await recordLfsObject(sha256, size);
  if (!(await getBlobStore().stat(sha256))) {
    throw new AppError("unavailable", "The object was removed while it was stored; send it again.");
  }
}
