// Space apps run until stopped: on a runner that builds, they must leave room for builds.
import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";

async function queueSpaceRun(labels: Record<string, string>): Promise<number> {
  const { record } = await makeHubRepo(await makeAccount(), { type: "space", isPrivate: false });
  return queueScript("sleep 1", {
    kind: "space-run",
    labels,
    resource: { type: "repo", repoId: record.id },
  });
}

describe("a runner that builds images", () => {
  it("never gives its last slot to a Space app, so a build always finds room", async () => {
    const labels = { hardware: "cpu", pool: "build-room" };
    const runner = await makeRunner({ labels: { ...labels, builder: "buildah" }, capacity: 3 });
    const apps = [await queueSpaceRun(labels), await queueSpaceRun(labels)];
    const third = await queueSpaceRun(labels);
    expect((await claimFor(runner))?.id).toBe(apps[0]);
    expect((await claimFor(runner))?.id).toBe(apps[1]);
    // Two apps run: the third waits, and the last slot goes to the build queued after it.
    expect(await claimFor(runner)).toBeNull();
    const build = await queueScript("true", { labels });
    expect((await claimFor(runner))?.id).toBe(build);
    expect((await findJobRecord(third))?.state).toBe("queued");
  });

  it("is not held back on a runner that does not build", async () => {
    const labels = { hardware: "cpu", pool: "no-build-room" };
    const runner = await makeRunner({ labels: { ...labels, builder: "none" }, capacity: 3 });
    const apps = [
      await queueSpaceRun(labels),
      await queueSpaceRun(labels),
      await queueSpaceRun(labels),
    ];
    for (const app of apps) expect((await claimFor(runner))?.id).toBe(app);
  });
});
