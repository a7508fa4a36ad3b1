import "server-only";

import { and, asc, eq, gt, sql } from "drizzle-orm";

import { AppError } from "@/lib/errors";

import { getDb } from "../client";
import { isUniqueViolation } from "../errors";
import {
  owners,
  repoDownloads,
  repoLabels,
  repoLikes,
  repos,
  type RepoFacet,
  type RepoType,
} from "../schema";

export type RepoRecord = {
  id: number;
  type: RepoType;
  ownerId: number;
  ownerName: string;
  ownerKind: "user" | "org";
  name: string;
  isPrivate: boolean;
  description: string | null;
  license: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  sdk: string | null;
  tags: string[];
  frameworks: string[];
  hardware: string[];
  headCommit: string | null;
  likes: number;
  downloads: number;
  createdAt: Date;
  updatedAt: Date;
};

export const recordColumns = {
  id: repos.id,
  type: repos.type,
  ownerId: repos.ownerId,
  ownerName: owners.name,
  ownerKind: owners.kind,
  name: repos.name,
  isPrivate: repos.isPrivate,
  description: repos.description,
  license: repos.license,
  pipelineTag: repos.pipelineTag,
  libraryName: repos.libraryName,
  sdk: repos.sdk,
  tags: repos.tags,
  frameworks: repos.frameworks,
  hardware: repos.hardware,
  headCommit: repos.headCommit,
  likes: repos.likes,
  downloads: repos.downloads,
  createdAt: repos.createdAt,
  updatedAt: repos.updatedAt,
};

const typeLabel: Record<RepoType, string> = { model: "model", dataset: "dataset", space: "Space" };

export async function insertRepoRecord(input: {
  type: RepoType;
  ownerId: number;
  ownerName: string;
  name: string;
  isPrivate: boolean;
  description: string | null;
}): Promise<number> {
  try {
    return getDb()
      .insert(repos)
      .values({
        type: input.type,
        ownerId: input.ownerId,
        name: input.name,
        isPrivate: input.isPrivate,
        description: input.description,
      })
      .returning({ id: repos.id })
      .get().id;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        `${input.ownerName} already has a ${typeLabel[input.type]} called "${input.name}".`,
        {
          fieldErrors: { name: ["This name is already used by this owner."] },
          headers: { "X-Error-Code": "RepoExists" },
        },
      );
    }
    throw error;
  }
}

function recordQuery() {
  return getDb().select(recordColumns).from(repos).innerJoin(owners, eq(owners.id, repos.ownerId));
}

/** The repository, matching owner and name without regard to case. */
export async function findRepoRecord(
  type: RepoType,
  ownerName: string,
  name: string,
): Promise<RepoRecord | null> {
  return (
    recordQuery()
      .where(
        and(
          eq(repos.type, type),
          sql`lower(${owners.name}) = lower(${ownerName})`,
          sql`lower(${repos.name}) = lower(${name})`,
        ),
      )
      .get() ?? null
  );
}

export async function findRepoRecordById(id: number): Promise<RepoRecord | null> {
  return recordQuery().where(eq(repos.id, id)).get() ?? null;
}

export async function updateRepoSettings(
  id: number,
  changes: { description?: string | null; isPrivate?: boolean },
): Promise<void> {
  getDb()
    .update(repos)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(repos.id, id))
    .run();
}

export async function deleteRepoRecord(id: number): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(repos).where(eq(repos.id, id)).run();
    tx.run(sql`DELETE FROM repo_search WHERE rowid = ${id}`);
  });
}

export async function moveRepoRecord(
  id: number,
  to: { ownerId: number; ownerName: string; name: string; type: RepoType },
) {
  try {
    getDb()
      .update(repos)
      .set({ ownerId: to.ownerId, name: to.name, updatedAt: new Date() })
      .where(eq(repos.id, id))
      .run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        `${to.ownerName} already has a ${typeLabel[to.type]} called "${to.name}".`,
        {
          headers: { "X-Error-Code": "RepoExists" },
        },
      );
    }
    throw error;
  }
}

export type RepoIndexData = {
  license: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  sdk: string | null;
  tags: string[];
  frameworks: string[];
  hardware: string[];
  headCommit: string | null;
  updatedAt: Date;
  labels: { facet: RepoFacet; value: string }[];
  search: { name: string; owner: string; description: string; card: string; tags: string };
};

/** Replaces what was derived from the repository's card, labels and search text, in one transaction. */
export async function writeRepoIndex(id: number, data: RepoIndexData): Promise<void> {
  const { labels, search, ...columns } = data;
  getDb().transaction((tx) => {
    tx.update(repos).set(columns).where(eq(repos.id, id)).run();
    tx.delete(repoLabels).where(eq(repoLabels.repoId, id)).run();
    if (labels.length)
      tx.insert(repoLabels)
        .values(labels.map((l) => ({ repoId: id, ...l })))
        .onConflictDoNothing()
        .run();
    tx.run(sql`DELETE FROM repo_search WHERE rowid = ${id}`);
    tx.run(
      sql`INSERT INTO repo_search (rowid, name, owner, description, card, tags)
          VALUES (${id}, ${search.name}, ${search.owner}, ${search.description}, ${search.card}, ${search.tags})`,
    );
  });
}

/** Likes or unlikes; returns the new like count. Liking twice counts once. */
export async function setRepoLike(repoId: number, userId: number, liked: boolean): Promise<number> {
  return getDb().transaction(
    (tx) => {
      const changed = liked
        ? tx.insert(repoLikes).values({ repoId, userId }).onConflictDoNothing().run().changes
        : tx
            .delete(repoLikes)
            .where(and(eq(repoLikes.repoId, repoId), eq(repoLikes.userId, userId)))
            .run().changes;
      if (changed) {
        tx.update(repos)
          .set({ likes: sql`${repos.likes} + ${liked ? 1 : -1}` })
          .where(eq(repos.id, repoId))
          .run();
      }
      return (
        tx.select({ likes: repos.likes }).from(repos).where(eq(repos.id, repoId)).get()?.likes ?? 0
      );
    },
    { behavior: "immediate" },
  );
}

export async function hasLikedRepo(repoId: number, userId: number): Promise<boolean> {
  return Boolean(
    getDb()
      .select({ repoId: repoLikes.repoId })
      .from(repoLikes)
      .where(and(eq(repoLikes.repoId, repoId), eq(repoLikes.userId, userId)))
      .get(),
  );
}

/** Counts a download unless this client already downloaded from this repository today. */
export async function recordRepoDownload(
  repoId: number,
  day: string,
  client: string,
): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const inserted =
        tx.insert(repoDownloads).values({ repoId, day, client }).onConflictDoNothing().run()
          .changes > 0;
      if (inserted) {
        tx.update(repos)
          .set({ downloads: sql`${repos.downloads} + 1` })
          .where(eq(repos.id, repoId))
          .run();
      }
      return inserted;
    },
    { behavior: "immediate" },
  );
}

/** Downloads per day from `fromDay` on (days without any are absent). */
export async function listDailyDownloads(
  repoId: number,
  fromDay: string,
): Promise<{ day: string; count: number }[]> {
  return getDb()
    .select({ day: repoDownloads.day, count: sql<number>`count(*)` })
    .from(repoDownloads)
    .where(and(eq(repoDownloads.repoId, repoId), sql`${repoDownloads.day} >= ${fromDay}`))
    .groupBy(repoDownloads.day)
    .orderBy(asc(repoDownloads.day))
    .all();
}

/** Drops per-client download rows older than `day` (the counts stay). */
export async function pruneDownloadRows(beforeDay: string): Promise<void> {
  getDb()
    .delete(repoDownloads)
    .where(sql`${repoDownloads.day} < ${beforeDay}`)
    .run();
}

/** Every repository with the head commit its index row recorded, `after` an id, in id order. */
export async function listIndexedHeads(after: number, limit: number): Promise<RepoRecord[]> {
  return recordQuery().where(gt(repos.id, after)).orderBy(asc(repos.id)).limit(limit).all();
}
