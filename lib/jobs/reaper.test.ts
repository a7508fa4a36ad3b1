import { describe, expect, it } from "vitest";

import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";

import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";

import { findJobByTokenHash } from "@/db/queries/job-runs";
import { heartbeatJob } from "./job-runs";
import { readJobLog } from "./log-store";
import { reapJobs } from "./reaper";
import { hashSecret } from "./secrets";
import { getJobSettings } from "./settings";

const afterLease = () => new Date(Date.now() + (getJobSettings().leaseSeconds + 1) * 1000);

async function logText(jobId: number): Promise<string> {
  const size = (await findJobRecord(jobId))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(jobId, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe("the reaper", () => {
  it("requeues a retryable job whose lease expired, freeing its NPUs for the next claim", async () => {
    const labels = { hardware: "npu", pool: "reap-npu" };
    const lost = await makeRunner({ labels, npus: [0, 1] });
    const id = await queueScript("python infer.py", { kind: "model-ci", labels, npuCount: 2 });
    const first = (await claimFor(lost))!;
    expect(first.npuDevices).toEqual([0, 1]);

    const summary = await reapJobs(afterLease());
    expect(summary.requeued).toContain(id);
    const queued = await findJobRecord(id);
    expect(queued).toMatchObject({ state: "queued", runnerId: null, npuDevices: [], attempt: 1 });
    expect(await findJobByTokenHash(hashSecret(first.token))).toBeNull();
    expect(await logText(id)).toContain("lease expired); queued again (attempt 2 of 3)");

    const other = await makeRunner({ labels, npus: [0, 1] });
    const second = (await claimFor(other))!;
    expect(second).toMatchObject({ id, attempt: 2, npuDevices: [0, 1] });
    expect(second.logOffset).toBe(queued!.logSize);
  });

  it("marks a non-retryable job runner_lost", async () => {
    const labels = { hardware: "cpu", pool: "reap-diag" };
    const runner = await makeRunner({ labels });
    const id = await queueScript("uname -a", { labels });
    await claimFor(runner);
    const summary = await reapJobs(afterLease());
    expect(summary.lost).toContain(id);
    const job = await findJobRecord(id);
    expect(job).toMatchObject({
      state: "runner_lost",
      failureReason: "The runner stopped reporting (lease expired)",
    });
    expect(job?.finishedAt).toBeInstanceOf(Date);
  });

  it("stops requeuing once the attempts are used up", async () => {
    const labels = { hardware: "cpu", pool: "reap-max" };
    const runner = await makeRunner({ labels });
    const id = await queueScript("make", { kind: "image-build", labels, maxAttempts: 2 });
    await claimFor(runner);
    await reapJobs(afterLease());
    expect((await claimFor(runner))?.attempt).toBe(2);
    await reapJobs(afterLease());
    expect((await findJobRecord(id))?.state).toBe("runner_lost");
  });

  it("leaves jobs with a live lease alone and ends cancelled ones as cancelled", async () => {
    const labels = { hardware: "cpu", pool: "reap-live" };
    const runner = await makeRunner({ labels, capacity: 2 });
    const live = await queueScript("sleep 1", { kind: "model-ci", labels });
    const cancelled = await queueScript("sleep 1", { kind: "model-ci", labels });
    await claimFor(runner);
    await claimFor(runner);
    expect((await reapJobs()).requeued).not.toContain(live);
    expect((await findJobRecord(live))?.state).toBe("running");
    await requestJobCancel(cancelled, new Date());
    await reapJobs(afterLease());
    expect((await findJobRecord(cancelled))?.state).toBe("cancelled");
  });

  it("times out a job that runs past its limit and tells its runner to stop", async () => {
    const labels = { hardware: "cpu", pool: "reap-timeout" };
    const runner = await makeRunner({ labels });
    const id = await queueScript("sleep 100", { labels, timeoutSeconds: 5 });
    const job = (await claimFor(runner))!;
    const now = new Date(Date.now() + (5 + getJobSettings().timeoutGraceSeconds + 1) * 1000);
    expect((await reapJobs(now)).timedOut).toContain(id);
    expect((await findJobRecord(id))?.state).toBe("timed_out");
    const view = (await findJobByTokenHash(hashSecret(job.token)))!;
    expect(await heartbeatJob(view)).toMatchObject({
      cancel: true,
      reason: "timed_out",
      state: "timed_out",
    });
  });

  it("fails jobs that no runner picked up within a day", async () => {
    const id = await queueScript("true", { labels: { hardware: "quantum" } });
    const summary = await reapJobs(new Date(Date.now() + 25 * 3600 * 1000));
    expect(summary.expiredInQueue).toContain(id);
    expect((await findJobRecord(id))?.state).toBe("failed");
  });
});
