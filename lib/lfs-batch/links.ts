import "server-only";

import {
  findRepoLfsObjects,
  linkRepoLfsObjects,
  type LinkedLfsObject,
} from "@/db/queries/repo-lfs-objects";
import type { CommittedFile } from "@/lib/hub";

export { findRepoLfsObjects, linkRepoLfsObjects, type LinkedLfsObject };

/** Links the LFS content a server-side commit stored (it arrived as bytes, so the repository owns it). */
export async function linkCommittedLfs(repoId: number, files: CommittedFile[]): Promise<void> {
  await linkRepoLfsObjects(
    repoId,
    files.flatMap((file) => (file.lfs ? [{ sha256: file.lfs.oid, size: file.lfs.size }] : [])),
  );
}

/** Whether the repository may serve this LFS object (see `db/schema/lfs-links.ts`). */
export async function isLinkedLfsObject(repoId: number, sha256: string): Promise<boolean> {
  return (await findRepoLfsObjects(repoId, [sha256])).has(sha256);
}
