import "server-only";

import { findRepoRecordById } from "@/db/queries/repos";
import {
  claimSpaceWake,
  listAwakeSpaceRuns,
  setSpaceSleeping,
  setSpaceSleepSeconds,
} from "@/db/queries/space-runs";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import type { RepoRef } from "@/lib/hub";
import { cancelJobAsSystem } from "@/lib/jobs/job-control";
import { getRepo } from "@/lib/repos/access";
import { startBackgroundTask } from "@/lib/server/background-task";

import { startSpaceRun } from "./runs";

const hour = 3600;

/** How long an app may sit idle by default: NPUs are few, so an idle NPU app sleeps much sooner. */
export function defaultSleepSeconds(npuCount: number): number {
  return npuCount > 0 ? hour : 48 * hour;
}

/** The longest idle time a writer may choose (a week); -1 keeps the app awake. */
const maxSleepSeconds = 7 * 24 * hour;

/**
 * Sets how long the Space's app may sit idle before it sleeps: seconds (at least 5), -1 for never,
 * null for its hardware's default. Writers of the Space only.
 */
export async function setSpaceSleepTime(
  caller: Caller,
  address: RepoRef,
  seconds: number | null,
): Promise<void> {
  const { repo } = await getRepo(caller, { ...address, type: "space" }, "write");
  await setSpaceSleepSeconds(repo.id, seconds);
}

export function isValidSleepSeconds(seconds: number): boolean {
  return (
    seconds === -1 || (Number.isInteger(seconds) && seconds >= 5 && seconds <= maxSleepSeconds)
  );
}

/**
 * One pass of the sleeper: every app that served no request for its idle time is stopped and
 * marked sleeping. Returns the Spaces put to sleep.
 */
export async function sleepIdleSpaces(now = new Date()): Promise<number[]> {
  const slept: number[] = [];
  for (const space of await listAwakeSpaceRuns()) {
    const idle = space.sleepSeconds ?? defaultSleepSeconds(space.npuCount);
    if (idle < 0 || !space.lastActiveAt) continue;
    const idleSince = new Date(now.getTime() - idle * 1000);
    if (space.lastActiveAt > idleSince) continue;
    const runs = await setSpaceSleeping(space.repoId, idleSince);
    if (!runs) continue;
    for (const jobId of [runs.runJobId, runs.nextRunJobId]) {
      if (jobId) await cancelJobAsSystem(jobId, "The Space went to sleep after being idle.");
    }
    slept.push(space.repoId);
  }
  return slept;
}

/**
 * A visit to a sleeping Space: the first one starts its app again (the others find it starting).
 * True when the Space was asleep.
 */
export async function wakeSpace(repoId: number): Promise<boolean> {
  if (!(await claimSpaceWake(repoId))) return false;
  const repo = await findRepoRecordById(repoId);
  if (repo) {
    await startSpaceRun(repo, {
      dedupeKey: `space-run:${repoId}:wake:${Date.now()}`,
      createdBy: null,
      force: false,
    });
  }
  return true;
}

export function startSpaceSleeper(): void {
  const everyMs = getConfig().spaces.sleepCheckSeconds * 1000;
  startBackgroundTask("space sleeper", everyMs, async () => {
    await sleepIdleSpaces();
  });
}
