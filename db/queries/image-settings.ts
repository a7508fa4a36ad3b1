import "server-only";

import { and, eq } from "drizzle-orm";

import { getDb } from "../client";
import { imageRepositories, imageTags } from "../schema";

// What the owner of a pushed image repository edits in the image center: its catalog description,
// and the catalog tags this hub's registry holds (withdrawn when the repository is deleted).

const path = (namespace: string, name: string) =>
  and(eq(imageRepositories.namespace, namespace), eq(imageRepositories.name, name));

/** Sets a catalog repository's description; false when the catalog has no such repository. */
export async function updateImageRepositoryDescription(
  namespace: string,
  name: string,
  description: string,
): Promise<boolean> {
  return (
    getDb().update(imageRepositories).set({ description }).where(path(namespace, name)).run()
      .changes > 0
  );
}

/** The catalog tags of a repository that this hub's registry holds. */
export async function listLocalImageTagNames(namespace: string, name: string): Promise<string[]> {
  return getDb()
    .select({ tag: imageTags.tag })
    .from(imageTags)
    .innerJoin(imageRepositories, eq(imageRepositories.id, imageTags.repositoryId))
    .where(and(path(namespace, name), eq(imageTags.availableLocally, true)))
    .all()
    .map((row) => row.tag);
}
