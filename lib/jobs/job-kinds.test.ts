import { describe, expect, it } from "vitest";

import { POST as cancelRoute } from "@/app/api/jobs/[id]/cancel/route";
import { GET as jobRoute } from "@/app/api/jobs/[id]/route";
import { countOwedHooks } from "@/db/queries/job-hooks";
import { finishJobAttempt } from "@/db/queries/job-runs";
import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";
import { call } from "@/test/jobs/routes";

import { enqueueJob } from "./enqueue";
import { runOwedJobHooks } from "./job-hooks";
import { jobKindDefinitions, type FinishedJob, type JobKindDefinition } from "./kinds";
import { writeJobLog } from "./log-store";
import type { JobKind } from "./protocol";

/** The real definitions, with a recording hook on model-ci. */
function withHook(onFinished: (job: FinishedJob) => Promise<void>) {
  return {
    ...jobKindDefinitions,
    "model-ci": { ...jobKindDefinitions["model-ci"], onFinished },
  } satisfies Record<JobKind, JobKindDefinition>;
}

/** A model-ci job that ran and ended, recorded the way a finish call records it, hooks not run. */
async function endedJob(outcome: "succeeded" | "failed" = "succeeded") {
  const labels = { hardware: "cpu", pool: `hooks-${Math.random()}` };
  const runner = await makeRunner({ labels });
  const id = await queueScript("true", { kind: "model-ci", labels });
  const job = (await claimFor(runner))!;
  await finishJobAttempt({
    jobId: id,
    attempt: job.attempt,
    outcome,
    exitCode: outcome === "succeeded" ? 0 : 1,
    reason: null,
    now: new Date(),
    retryableKinds: [],
    writeLog: writeJobLog,
  });
  return id;
}

describe("onFinished hooks", () => {
  it("run once for a job that ended before a restart, however many passes and processes ask", async () => {
    const id = await endedJob("failed");
    // The process that recorded the finish died before running the hook: only the row remains.
    const seen: FinishedJob[] = [];
    const definitions = withHook(async (job) => {
      seen.push(job);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const [first, second] = await Promise.all([
      runOwedJobHooks(definitions),
      runOwedJobHooks(definitions),
    ]);
    await runOwedJobHooks(definitions);
    expect(seen.filter((job) => job.id === id)).toEqual([
      expect.objectContaining({ id, kind: "model-ci", state: "failed", exitCode: 1 }),
    ]);
    expect([...first.ran, ...second.ran].filter((ran) => ran === id)).toEqual([id]);
    expect(await countOwedHooks()).toBe(0);
  });

  it("retry a hook that failed, later, until it succeeds", async () => {
    const id = await endedJob();
    let calls = 0;
    const definitions = withHook(() => {
      calls++;
      return calls === 1 ? Promise.reject(new Error("database busy")) : Promise.resolve();
    });
    expect((await runOwedJobHooks(definitions)).failed).toEqual([id]);
    // Not again at once …
    expect((await runOwedJobHooks(definitions)).ran).toEqual([]);
    // … but on a pass after the retry delay.
    const later = new Date(Date.now() + 5 * 60_000);
    expect((await runOwedJobHooks(definitions, later)).ran).toEqual([id]);
    expect(calls).toBe(2);
  });

  it("are owed by jobs that end without a runner's finish (a cancelled queued job)", async () => {
    const seen: number[] = [];
    const id = await queueScript("true", { kind: "model-ci", labels: { pool: "never" } });
    expect(await requestJobCancel(id, new Date())).toBe("cancelled");
    await runOwedJobHooks(withHook((job) => Promise.resolve(void seen.push(job.id))));
    expect(seen).toEqual([id]);
  });
});

describe("enqueueing derived work", () => {
  it("gives one job per dedupe key, whoever asks and however often", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    const input = {
      kind: "model-ci" as const,
      spec: { steps: [{ type: "script" as const, script: "true" }] },
      labels: { pool: "never" },
      resource: { type: "repo" as const, repoId: record.id },
      createdBy: null,
      dedupeKey: `model-ci:${record.id}:${"a".repeat(40)}`,
    };
    const results = await Promise.all([enqueueJob(input), enqueueJob(input), enqueueJob(input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("refuses a resource the kind does not work on", async () => {
    await expect(
      enqueueJob({
        kind: "space-build",
        spec: { steps: [{ type: "script", script: "true" }] },
        resource: { type: "system" },
        createdBy: null,
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("jobs on a repository", () => {
  const get = (id: number, auth?: string) =>
    call(
      jobRoute,
      new Request(`http://test/api/jobs/${id}`, {
        headers: auth ? { Authorization: `Bearer ${auth}` } : {},
      }),
      {
        id: String(id),
      },
    );
  const cancel = (id: number, auth: string) =>
    call(
      cancelRoute,
      new Request(`http://test/api/jobs/${id}/cancel`, {
        method: "POST",
        headers: { Authorization: `Bearer ${auth}` },
      }),
      { id: String(id) },
    );
  const queueOn = (repoId: number) =>
    queueScript("true", {
      kind: "model-ci",
      labels: { pool: "never" },
      resource: { type: "repo", repoId },
    });

  it("follow the repository's read rules, and only its writers control them", async () => {
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const publicRepo = await makeHubRepo(owner);
    const privateRepo = await makeHubRepo(owner, { isPrivate: true });
    const publicJob = await queueOn(publicRepo.record.id);
    const privateJob = await queueOn(privateRepo.record.id);

    expect((await get(publicJob)).status).toBe(200);
    expect((await get(publicJob, stranger.read)).status).toBe(200);
    expect((await cancel(publicJob, stranger.write)).status).toBe(403);

    expect((await get(privateJob)).status).toBe(404);
    expect((await get(privateJob, stranger.write)).status).toBe(404);
    expect((await get(privateJob, owner.read)).status).toBe(200);
    expect((await cancel(privateJob, owner.write)).status).toBe(200);
    expect((await findJobRecord(privateJob))?.state).toBe("cancelled");
  });
});
