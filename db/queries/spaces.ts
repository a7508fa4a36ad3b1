import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { getDb } from "../client";
import {
  jobs,
  registryBlobs,
  registryManifestRefs,
  registryManifests,
  registryRepositories,
  registryTags,
  spaces,
  type SpaceBuildState,
} from "../schema";

export type SpaceBuildRecord = {
  buildState: SpaceBuildState;
  buildMessage: string | null;
  buildJobId: number | null;
  buildCommit: string | null;
  builtCommit: string | null;
  image: string | null;
  imageDigest: string | null;
  imageSize: number | null;
  updatedAt: Date;
};

export async function findSpaceBuild(repoId: number): Promise<SpaceBuildRecord | null> {
  return (
    getDb()
      .select({
        buildState: spaces.buildState,
        buildMessage: spaces.buildMessage,
        buildJobId: spaces.buildJobId,
        buildCommit: spaces.buildCommit,
        builtCommit: spaces.builtCommit,
        image: spaces.image,
        imageDigest: spaces.imageDigest,
        imageSize: spaces.imageSize,
        updatedAt: spaces.updatedAt,
      })
      .from(spaces)
      .where(eq(spaces.repoId, repoId))
      .get() ?? null
  );
}

/** Sets the state of the Space's current build (creating its row on first use). */
export async function writeSpaceBuildState(
  repoId: number,
  change: {
    state: SpaceBuildState;
    commit: string | null;
    jobId?: number | null;
    message?: string | null;
  },
): Promise<void> {
  const values = {
    buildState: change.state,
    buildCommit: change.commit,
    buildJobId: change.jobId ?? null,
    buildMessage: change.message ?? null,
    updatedAt: new Date(),
  };
  getDb()
    .insert(spaces)
    .values({ repoId, ...values })
    .onConflictDoUpdate({ target: spaces.repoId, set: values })
    .run();
}

/** How a Space's list card looks, as its card's front matter says. */
export type SpaceCardLook = {
  title: string | null;
  emoji: string | null;
  colorFrom: string | null;
  colorTo: string | null;
  shortDescription: string | null;
};

/** Stores the look of the Space's card (creating its row, not yet built, on first use). */
export async function writeSpaceCardLook(repoId: number, look: SpaceCardLook): Promise<void> {
  getDb()
    .insert(spaces)
    .values({ repoId, ...look, updatedAt: new Date() })
    .onConflictDoUpdate({ target: spaces.repoId, set: look })
    .run();
}

/**
 * Records how build job `jobId` ended, if it is still the Space's current build (a superseded
 * build's result changes nothing). A success also records the image it pushed.
 */
export async function finishSpaceBuild(
  repoId: number,
  jobId: number,
  result: {
    state: SpaceBuildState;
    message: string | null;
    image?: { reference: string; digest: string | null; size: number | null; commit: string };
  },
): Promise<boolean> {
  const changed = getDb()
    .update(spaces)
    .set({
      buildState: result.state,
      buildMessage: result.message,
      updatedAt: new Date(),
      ...(result.image
        ? {
            builtCommit: result.image.commit,
            image: result.image.reference,
            imageDigest: result.image.digest,
            imageSize: result.image.size,
          }
        : {}),
    })
    .where(and(eq(spaces.repoId, repoId), eq(spaces.buildJobId, jobId)))
    .run();
  return changed.changes > 0;
}

/** The Space's build jobs still queued or running (to cancel when a newer commit supersedes them). */
export async function listOpenSpaceBuildJobs(repoId: number): Promise<number[]> {
  return getDb()
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, "space-build"),
        eq(jobs.resourceType, "repo"),
        eq(jobs.resourceId, String(repoId)),
        inArray(jobs.state, ["queued", "running"]),
      ),
    )
    .all()
    .map((row) => row.id);
}

/** Digest and total size (config and layers) of `repository:tag` in this hub's registry. */
export async function findImageByTag(
  repository: string,
  tag: string,
): Promise<{ digest: string; size: number } | null> {
  const manifest = getDb()
    .select({ id: registryManifests.id, digest: registryManifests.digest })
    .from(registryTags)
    .innerJoin(registryRepositories, eq(registryRepositories.id, registryTags.repositoryId))
    .innerJoin(registryManifests, eq(registryManifests.id, registryTags.manifestId))
    .where(and(eq(registryRepositories.name, repository), eq(registryTags.name, tag)))
    .get();
  if (!manifest) return null;
  const total = getDb()
    .select({ size: sql<number>`coalesce(sum(${registryBlobs.size}), 0)` })
    .from(registryManifestRefs)
    .innerJoin(registryBlobs, eq(registryBlobs.digest, registryManifestRefs.digest))
    .where(eq(registryManifestRefs.manifestId, manifest.id))
    .get();
  return { digest: manifest.digest, size: total?.size ?? 0 };
}
