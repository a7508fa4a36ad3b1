// The runners page's list of Space apps on runners, on the real database: what a runner holds
// (its NPUs), serving or starting, and nothing for anyone but a site administrator.
import { describe, expect, it } from "vitest";

import { setJobEndpoint } from "@/db/queries/job-endpoints";
import { findJobByTokenHash } from "@/db/queries/job-runs";
import { promoteSpaceRun, setNextSpaceRun } from "@/db/queries/space-runs";
import { finishJob } from "@/lib/jobs/job-runs";
import { hashSecret } from "@/lib/jobs/secrets";
import { makeUser, sessionCaller, tokenCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { claimFor, makeRunner, queueScript, type TestRunner } from "@/test/jobs/fixtures";

import { listRunningSpaces } from "./running-spaces";

/** A Space whose `space-run` job a runner has claimed (so it holds the runner's slot and NPUs). */
async function claimedSpaceRun(runner: TestRunner, hardware: "cpu" | "npu") {
  const { record, id } = await makeHubRepo(await makeAccount(), { type: "space", isPrivate: true });
  const jobId = await queueScript("sleep 60", {
    kind: "space-run",
    labels: { hardware },
    npuCount: hardware === "npu" ? 1 : 0,
    resource: { type: "repo", repoId: record.id },
  });
  const payload = await claimFor(runner);
  expect(payload?.id).toBe(jobId);
  return { spaceId: id, repoId: record.id, jobId, payload: payload! };
}

describe("listRunningSpaces", () => {
  it("lists every Space app a runner holds, with its runner, hardware and NPUs, and no stopped one", async () => {
    const cpuRunner = await makeRunner({ labels: { hardware: "cpu" }, capacity: 2 });
    const npuRunner = await makeRunner({ labels: { hardware: "npu" }, npus: [4, 5, 6] });
    const cpu = await claimedSpaceRun(cpuRunner, "cpu");
    // The CPU run answered and serves: its Space names it.
    expect(
      await setJobEndpoint({ jobId: cpu.jobId, attempt: 1, url: "http://10.0.0.5:20001" }),
    ).toBe(true);
    await setNextSpaceRun(cpu.repoId, cpu.jobId);
    expect(await promoteSpaceRun(cpu.repoId, cpu.jobId)).toEqual({ replaced: null });
    const npu = await claimedSpaceRun(npuRunner, "npu");
    const stopped = await claimedSpaceRun(cpuRunner, "cpu");
    await finishJob((await findJobByTokenHash(hashSecret(stopped.payload.token)))!, {
      attempt: 1,
      outcome: "failed",
      exitCode: 1,
    });

    const admin = await makeUser({ isAdmin: true });
    const listed = await listRunningSpaces(sessionCaller(admin));
    const mine = listed.filter((r) => [cpu.jobId, npu.jobId, stopped.jobId].includes(r.jobId));
    expect(mine).toEqual([
      expect.objectContaining({
        jobId: cpu.jobId,
        spaceId: cpu.spaceId,
        state: "running",
        runnerName: cpuRunner.name,
        hardware: "cpu",
        npuDevices: [],
        endpoint: "http://10.0.0.5:20001",
      }),
      expect.objectContaining({
        jobId: npu.jobId,
        spaceId: npu.spaceId,
        state: "starting",
        runnerName: npuRunner.name,
        hardware: "npu",
        npuDevices: [npu.payload.npuDevices[0]],
        endpoint: null,
      }),
    ]);
    expect([4, 5, 6]).toContain(mine[1]!.npuDevices[0]);
    expect(mine[0]!.startedAt).not.toBeNull();
    // A read-only token of an administrator may look too.
    expect(await listRunningSpaces(tokenCaller(admin, "read"))).toEqual(listed);
  });

  it("refuses everyone but site administrators with a 404", async () => {
    const user = await makeUser();
    await expect(listRunningSpaces(sessionCaller(user))).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listRunningSpaces(null)).rejects.toMatchObject({ code: "not_found" });
  });
});
