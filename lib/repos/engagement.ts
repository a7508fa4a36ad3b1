import "server-only";

import { createHash } from "node:crypto";

import {
  hasLikedRepo,
  listDailyDownloads,
  pruneDownloadRows,
  recordRepoDownload,
  setRepoLike,
  type RepoRecord,
} from "@/db/queries/repos";
import type { Caller } from "@/lib/auth/caller";
import type { RepoRef } from "@/lib/hub/types";

import { getRepo } from "./access";

/** Likes (or unlikes) a repository the caller can read; returns the new count. One like per user. */
export async function setLike(
  caller: Caller,
  address: RepoRef,
  liked: boolean,
): Promise<{ likes: number; liked: boolean }> {
  const { repo } = await getRepo(caller, address, "read");
  return { likes: await setRepoLike(repo.id, caller.id, liked), liked };
}

export async function callerLikes(caller: Caller | null, repo: RepoRecord): Promise<boolean> {
  return caller ? hasLikedRepo(repo.id, caller.id) : false;
}

const globalForDownloads = globalThis as unknown as { strataDownloadRowsPrunedFor?: string };

/** How many days of per-day download rows are kept: the model page charts the last 30. */
const downloadHistoryDays = 30;

/**
 * Counts a file download, once per client per day. The client is a hash of the day, its address
 * and user agent (or its user id), so no address is stored and a client cannot be followed from
 * one day to the next. Rows older than `downloadHistoryDays` are dropped by the first download of
 * a new day (the totals stay).
 */
/** The UTC day `days` before `now`, as `YYYY-MM-DD`. */
function dayBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function countDownload(
  repo: Pick<RepoRecord, "id">,
  client: { ip: string; userAgent: string | null; userId?: number | null },
  now = new Date(),
): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const who = client.userId
    ? `user:${client.userId}`
    : `anon:${client.ip}|${client.userAgent ?? ""}`;
  const key = createHash("sha256").update(`${day}|${who}`).digest("base64url").slice(0, 22);
  if (globalForDownloads.strataDownloadRowsPrunedFor !== day) {
    globalForDownloads.strataDownloadRowsPrunedFor = day;
    await pruneDownloadRows(dayBefore(now, downloadHistoryDays - 1));
  }
  return recordRepoDownload(repo.id, day, key);
}

/** Downloads on each of the last `downloadHistoryDays` days, oldest first, days without any as 0. */
export async function loadDownloadHistory(
  repoId: number,
  now = new Date(),
): Promise<{ day: string; count: number }[]> {
  const first = dayBefore(now, downloadHistoryDays - 1);
  const counts = new Map(
    (await listDailyDownloads(repoId, first)).map((row) => [row.day, row.count]),
  );
  return Array.from({ length: downloadHistoryDays }, (_, i) => {
    const day = dayBefore(now, downloadHistoryDays - 1 - i);
    return { day, count: counts.get(day) ?? 0 };
  });
}
