import "server-only";

import { mayBeLfsPointer, parseLfsPointer, type LfsPointer } from "@/lib/hub/lfs/pointer";

import { objectContents } from "./cat-file-pool";

/** The LFS pointer stored in a blob of known size, or null; only pointer-sized blobs are read. */
export async function readLfsPointer(
  gitDir: string,
  oid: string,
  size: number,
): Promise<LfsPointer | null> {
  if (!mayBeLfsPointer(size)) return null;
  const object = await objectContents(gitDir, oid, 1024);
  return object ? parseLfsPointer(object.data) : null;
}
