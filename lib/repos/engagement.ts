import "server-only";

import { createHash } from "node:crypto";

import {
  hasLikedRepo,
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

/**
 * Counts a file download, once per client per day. The client is a hash of its address and
 * user agent (or its user id), so no address is stored. The per-client rows only matter for the
 * current day: the first download of a new day drops the older ones (the counts stay).
 */
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
    await pruneDownloadRows(day);
  }
  return recordRepoDownload(repo.id, day, key);
}
