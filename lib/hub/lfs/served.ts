import "server-only";

import { findRepoLfsObjects, linkRepoLfsObjects } from "@/db/queries/repo-lfs-objects";
import { findRepoRecord } from "@/db/queries/repos";
import type { RepoRef } from "@/lib/hub/types";

export type LfsObjectRef = { oid: string; size: number };

/**
 * The one decision whether a repository may turn an LFS pointer into bytes. The blob store is
 * shared and deduplicated (LFS objects of every repository and the registry's layers), and a
 * pointer is just text anyone can commit, so naming a sha256 must grant nothing: a repository
 * serves an object only when it is linked to it (its bytes were uploaded to this repository, or
 * a server-side commit of this repository stored them; `db/schema/lfs-links.ts`) with that size.
 * Every reader goes through here: file downloads and views, cards, the HF API, git-lfs.
 */
export async function servedLfsObjects(
  repoId: number,
  objects: LfsObjectRef[],
): Promise<Set<string>> {
  if (objects.length === 0) return new Set();
  const linked = await findRepoLfsObjects(repoId, [...new Set(objects.map((o) => o.oid))]);
  return new Set(objects.filter((o) => linked.get(o.oid) === o.size).map((o) => o.oid));
}

/** Whether `repo` (by id, or by its address) may serve the LFS object `object`. */
export async function servesLfsObject(
  repo: number | RepoRef,
  object: LfsObjectRef,
): Promise<boolean> {
  const id =
    typeof repo === "number" ? repo : (await findRepoRecord(repo.type, repo.owner, repo.name))?.id;
  if (id === undefined) return false;
  return (await servedLfsObjects(id, [object])).has(object.oid);
}

/**
 * Links the LFS files of a commit the server made to its repository. Their bytes reached the
 * server for this repository (uploaded with the commit, or already linked to it: the HF API checks
 * `lfsFile` lines before committing), so the repository may serve them. Branch and tag moves never
 * link anything: a pushed commit's pointers stay unserved until their bytes are uploaded.
 */
export async function linkCommittedLfs(
  repo: RepoRef,
  files: { lfs: LfsObjectRef | null }[],
): Promise<void> {
  const objects = files.flatMap((file) =>
    file.lfs ? [{ sha256: file.lfs.oid, size: file.lfs.size }] : [],
  );
  if (objects.length === 0) return;
  const record = await findRepoRecord(repo.type, repo.owner, repo.name);
  if (record) await linkRepoLfsObjects(record.id, objects);
}
