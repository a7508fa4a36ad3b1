import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";

import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";

import { getJobSettings } from "./settings";

describe("claiming jobs", () => {
  it("gives a job only to runners that have all its labels", async () => {
    const cpu = await makeRunner({ labels: { hardware: "cpu", executor: "shell" } });
    const npu = await makeRunner({
      labels: { hardware: "npu", npu: "910b", executor: "shell" },
      npus: [0, 1],
    });
    const id = await queueScript("true", { labels: { hardware: "npu", npu: "910b" } });

    expect(await claimFor(cpu)).toBeNull();
    const claimed = await claimFor(npu);
    expect(claimed?.id).toBe(id);
    expect(claimed?.attempt).toBe(1);
    expect(claimed?.token).toMatch(/^strjob_/);
  });

  it("treats a label with another value as missing", async () => {
    const runner = await makeRunner({ labels: { hardware: "npu", npu: "310p" }, npus: [0] });
    await queueScript("true", { labels: { hardware: "npu", npu: "910b-unique-value" } });
    expect(await claimFor(runner)).toBeNull();
  });

  it("allocates the lowest free NPUs and never the same device twice", async () => {
    const labels = { hardware: "npu", pool: "alloc" };
    const runner = await makeRunner({ labels, npus: [0, 1, 2, 3], capacity: 4 });
    const a = await queueScript("true", { labels, npuCount: 2 });
    const b = await queueScript("true", { labels, npuCount: 3 });
    const c = await queueScript("true", { labels, npuCount: 2 });

    const first = await claimFor(runner);
    expect(first).toMatchObject({ id: a, npuDevices: [0, 1] });
    const stored = await findJobRecord(a);
    expect(stored).toMatchObject({
      state: "running",
      runnerId: runner.id,
      runnerName: runner.name,
      npuDevices: [0, 1],
    });
    expect(Math.abs(stored!.startedAt!.getTime() - Date.now())).toBeLessThan(5_000);
    expect(stored!.leaseUntil!.getTime() - stored!.startedAt!.getTime()).toBe(
      getJobSettings().leaseSeconds * 1000,
    );
    // b needs 3 but only 2 are free: it is skipped, c fits.
    const second = await claimFor(runner);
    expect(second).toMatchObject({ id: c, npuDevices: [2, 3] });
    expect(await claimFor(runner)).toBeNull();
    expect((await findJobRecord(b))?.state).toBe("queued");
  });

  it("keeps devices the runner reports busy out of the allocation", async () => {
    const labels = { hardware: "npu", pool: "busy" };
    const runner = await makeRunner({ labels, npus: [0, 1, 2, 3], capacity: 2 });
    await queueScript("true", { labels, npuCount: 2 });
    expect((await claimFor(runner, [0, 2]))?.npuDevices).toEqual([1, 3]);
  });

  it("does not give NPU jobs to runners without NPUs", async () => {
    const labels = { hardware: "cpu", pool: "nonpu" };
    const runner = await makeRunner({ labels, capacity: 2 });
    await queueScript("true", { labels, npuCount: 1 });
    expect(await claimFor(runner)).toBeNull();
  });

  it("respects the runner's capacity", async () => {
    const labels = { hardware: "cpu", pool: "capacity" };
    const runner = await makeRunner({ labels, capacity: 2 });
    for (let i = 0; i < 3; i++) await queueScript("true", { labels });
    expect(await claimFor(runner)).not.toBeNull();
    expect(await claimFor(runner)).not.toBeNull();
    expect(await claimFor(runner)).toBeNull();
  });

  it("hands out the oldest matching job first", async () => {
    const labels = { hardware: "cpu", pool: "fifo" };
    const runner = await makeRunner({ labels, capacity: 3 });
    const ids = [await queueScript("true", { labels }), await queueScript("true", { labels })];
    expect((await claimFor(runner))?.id).toBe(ids[0]);
    expect((await claimFor(runner))?.id).toBe(ids[1]);
  });

  it("adds executor=docker to jobs that need an image", async () => {
    const id = await queueScript("true", {
      spec: {
        image: "quay.io/ascend/cann:8.0.0",
        steps: [{ type: "script", script: "npu-smi info" }],
      },
      labels: { hardware: "npu" },
    });
    expect((await findJobRecord(id))?.requiredLabels).toEqual({
      hardware: "npu",
      executor: "docker",
    });
  });
});
