// A small stack built for real: a shell runner with buildah builds each layer FROM its parent's
// digest in this hub's registry and pushes it; the server writes the multi-arch index and moves
// the tags; skopeo and umoci then read the images as any client would.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findImageBuild, listImageBuildSteps } from "@/db/queries/image-builds";
import { findJobRecord } from "@/db/queries/jobs";
import { findRegistryRepository, updateRegistryRepositoryVisibility } from "@/db/queries/registry";
import { resetConfigForTests } from "@/lib/config";
import { getImageTag } from "@/lib/images/catalog/tag-detail";
import { retryJob } from "@/lib/jobs/job-control";
import { readJobLog } from "@/lib/jobs/log-store";
import { jobDetailView } from "@/lib/jobs/overview";
import { setJobSettingsForTests } from "@/lib/jobs/settings";
import { detectBuilder } from "@/runner/builders/detect";
import { makeOrg, makeUser, sessionCaller } from "@/test/factories";
import { makeAccount, type TestAccount } from "@/test/hf";
import { startRouteServer } from "@/test/jobs/route-server";
import { startShellRunner } from "@/test/jobs/shell-runner";
import { pushTinyBaseImage } from "@/test/jobs/tiny-base-image";

import type { PlanSelection } from "./plan";
import { planImages, startImageBuild } from "./run";
import type { StackFile } from "./stack-source";
import { builtHereOf, getImageBuildView } from "./view";

const run = promisify(execFile);
const canBuild = detectBuilder("shell") === "buildah";
const uidBase = 3_600_000;

let server: Awaited<ReturnType<typeof startRouteServer>>;
let host: string;
let work: string;
let admin: TestAccount;
let stackFile: string;
let stopRunner: (() => Promise<void>) | undefined;

const sh = (file: string, args: string[]) =>
  run(file, args, { cwd: work, maxBuffer: 64 * 1024 * 1024 });

/** busybox alone, pushed to the mirror the builds pull upstream bases through. */
async function pushTinyBase(): Promise<void> {
  await pushTinyBaseImage({
    work,
    reference: `${host}/mirror/tiny:1`,
    creds: { name: admin.name, token: admin.write },
  });
  // A mirror serves anyone: the build jobs pull from it without credentials.
  const mirror = (await findRegistryRepository("mirror/tiny"))!;
  await updateRegistryRepositoryVisibility(mirror.id, false);
}

/** base → mid:a → top:a-x (alias latest), and mid:b next to mid:a; arm:1 for an arch with no runner. */
function writeStack(mid: { a: string }): void {
  const stack: StackFile = {
    nodes: [
      {
        repository: "base",
        tag: "1",
        arches: ["amd64"],
        from: "tiny:1",
        dockerfile: "RUN echo base-1 > /layer-base",
      },
      {
        repository: "mid",
        tag: "a",
        parent: "base:1",
        arches: ["amd64"],
        dockerfile: mid.a,
      },
      {
        repository: "top",
        tag: "a-x",
        aliases: ["latest"],
        parent: "mid:a",
        arches: ["amd64"],
        dockerfile: "RUN echo x-1 > /layer-x",
      },
      {
        repository: "mid",
        tag: "b",
        parent: "base:1",
        arches: ["amd64"],
        dockerfile: "RUN echo b-1 > /layer-b",
      },
      {
        repository: "arm",
        tag: "1",
        arches: ["arm64"],
        from: "tiny:1",
        dockerfile: "RUN echo arm > /arm",
      },
    ],
  };
  fs.writeFileSync(stackFile, JSON.stringify(stack));
}

beforeAll(async () => {
  if (!canBuild) return;
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  host = `localhost:${process.env.PORT}`;
  work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-image-build-test-"));
  fs.chmodSync(work, 0o711);
  stackFile = path.join(work, "stack.json");
  writeStack({ a: "RUN echo a-1 > /layer-a" });
  process.env.STRATA_IMAGE_STACK = stackFile;
  process.env.STRATA_BASE_MIRROR = `${host}/mirror`;
  resetConfigForTests();
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
  admin = await makeAccount();
  await makeOrg(admin, "base_image");
  await makeOrg(admin, "mirror");
  await pushTinyBase();
  const runner = await startShellRunner({
    url: server.url,
    workDir: work,
    builder: "buildah",
    uidBase,
    labels: { arch: "amd64" },
  });
  stopRunner = runner.stop;
}, 120_000);

afterAll(async () => {
  if (!canBuild) return;
  await stopRunner?.();
  await server.close();
  for (const key of ["PORT", "STRATA_IMAGE_STACK", "STRATA_BASE_MIRROR"]) delete process.env[key];
  resetConfigForTests();
  fs.rmSync(work, { recursive: true, force: true });
});

async function finished(id: number) {
  const deadline = Date.now() + 170_000;
  for (;;) {
    const build = (await findImageBuild(id))!;
    if (build.state !== "running") return { build, steps: await listImageBuildSteps(id) };
    if (Date.now() > deadline) throw new Error(`build ${id} is still running`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function logOf(jobId: number): Promise<string> {
  const size = (await findJobRecord(jobId))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(jobId, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

const creds = () => `${admin.name}:${admin.read}`;

async function inspectRaw(image: string): Promise<{
  mediaType: string;
  manifests: { digest: string; platform: { architecture: string } }[];
}> {
  const { stdout } = await sh("skopeo", [
    "inspect",
    "--raw",
    "--tls-verify=false",
    "--creds",
    creds(),
    `docker://${image}`,
  ]);
  return JSON.parse(stdout) as never;
}

const summary = (steps: { image: string; state: string }[]) =>
  steps.map((s) => `${s.image} ${s.state}`);

const build = async (selection: PlanSelection) =>
  finished((await startImageBuild(null, { selection }, true)).id);

describe.skipIf(!canBuild)("building a small stack with buildah", () => {
  it("builds a tag's ancestors first, each FROM its parent's digest, and publishes an index", async () => {
    const { build: done, steps } = await build({ kind: "tag", image: "top:a-x" });
    const logs = await Promise.all(
      steps.map((s) => (s.jobId ? logOf(s.jobId) : Promise.resolve(""))),
    );
    expect(summary(steps), logs.join("\n----\n")).toEqual([
      "base_image/base:1 pushed",
      "base_image/mid:a pushed",
      "base_image/top:a-x pushed",
    ]);
    expect(done.state).toBe("succeeded");
    const [base, mid, top] = steps;
    expect(logs[0]).toContain(`FROM ${host}/mirror/tiny:1`);
    expect(logs[1]).toContain(`FROM ${host}/base_image/base@${base!.digest}`);
    expect(logs[2]).toContain(`FROM ${host}/base_image/mid@${mid!.digest}`);
    for (const log of logs) expect(log).not.toContain(admin.write);

    for (const tag of ["a-x", "latest"]) {
      const index = await inspectRaw(`${host}/base_image/top:${tag}`);
      expect(index.mediaType).toBe("application/vnd.oci.image.index.v1+json");
      expect(index.manifests).toEqual([
        expect.objectContaining({
          digest: top!.digest,
          platform: { architecture: "amd64", os: "linux" },
        }),
      ]);
    }
    // The build-scoped tag the job pushed to is gone; the image is known by digest.
    await expect(inspectRaw(`${host}/base_image/top:strata-build-${top!.id}`)).rejects.toThrow();

    const layout = path.join(work, "top-layout");
    await sh("skopeo", [
      "copy",
      "--src-tls-verify=false",
      "--src-creds",
      creds(),
      `docker://${host}/base_image/top:a-x`,
      `oci:${layout}:top`,
    ]);
    await sh("umoci", ["unpack", "--image", `${layout}:top`, `${layout}-bundle`]);
    const rootfs = path.join(`${layout}-bundle`, "rootfs");
    for (const [file, text] of [
      ["layer-base", "base-1"],
      ["layer-a", "a-1"],
      ["layer-x", "x-1"],
    ])
      expect(fs.readFileSync(path.join(rootfs, file!), "utf8").trim()).toBe(text);

    // The catalog records the real per-arch digest and compressed size.
    const detail = await getImageTag(null, "base_image", "top", "a-x");
    expect(detail.manifests).toEqual([
      expect.objectContaining({ arch: "amd64", digest: top!.digest, size: top!.size }),
    ]);
    expect(top!.size).toBeGreaterThan(0);

    // The tag page's "built here", and the pipeline view, for administrators only.
    expect(await builtHereOf("base_image/top:a-x")).toEqual({
      buildId: done.id,
      arches: [{ arch: "amd64", digest: top!.digest, size: top!.size, cacheKey: top!.cacheKey }],
    });
    await expect(getImageBuildView(sessionCaller(admin), done.id)).rejects.toThrow(/not found/i);
    const view = await getImageBuildView(sessionCaller(await makeUser({ isAdmin: true })), done.id);
    expect(
      view.nodes.map((n) => [n.image, n.level, n.state, n.arches[0]!.durationMs! > 0]),
    ).toEqual([
      ["base_image/base:1", 0, "pushed", true],
      ["base_image/mid:a", 1, "pushed", true],
      ["base_image/top:a-x", 2, "pushed", true],
    ]);
  }, 200_000);

  it("reuses everything on a second run, and rebuilds a changed layer and its descendants only", async () => {
    const again = await planImages({ selection: { kind: "tag", image: "top:a-x" } });
    expect(again.map((s) => s.action)).toEqual(["reuse", "reuse", "reuse"]);
    const rerun = await build({ kind: "tag", image: "top:a-x" });
    expect(rerun.build.state).toBe("succeeded");
    expect(rerun.steps.every((s) => s.state === "reused" && s.jobId === null)).toBe(true);

    await build({ kind: "under", image: "base:1" });
    writeStack({ a: "RUN echo a-2 > /layer-a" });
    const plan = await planImages({ selection: { kind: "under", image: "base:1" } });
    expect(plan.map((s) => `${s.image} ${s.action}`)).toEqual([
      "base_image/base:1 reuse",
      "base_image/mid:a build",
      "base_image/mid:b reuse",
      "base_image/top:a-x build",
    ]);
  }, 200_000);

  it("blocks the descendants of a failed layer, not its siblings", async () => {
    writeStack({ a: "RUN echo a-3 > /layer-a && false" });
    const { build: done, steps } = await build({ kind: "under", image: "base:1" });
    expect(done.state).toBe("failed");
    expect(steps.map((s) => [s.image, s.state, s.blockedBy])).toEqual([
      ["base_image/base:1", "reused", null],
      ["base_image/mid:a", "failed", null],
      ["base_image/mid:b", "reused", null],
      ["base_image/top:a-x", "blocked", "base_image/mid:a"],
    ]);

    // A Retry of the failed job runs the step again and unblocks what it blocked until it ends.
    const failedJob = steps[1]!.jobId!;
    const retry = await retryJob(sessionCaller(await makeUser({ isAdmin: true })), failedJob);
    const reopened = await listImageBuildSteps(done.id);
    expect(reopened.map((s) => [s.state, s.jobId === retry.id])).toEqual([
      ["reused", false],
      [expect.stringMatching(/^(queued|building)$/), true],
      ["reused", false],
      ["waiting", false],
    ]);
    expect((await findImageBuild(done.id))!.state).toBe("running");
    const again = await finished(done.id);
    expect(again.steps.map((s) => s.state)).toEqual(["reused", "failed", "reused", "blocked"]);
  }, 200_000);

  it("leaves an arch with no runner waiting, and says why", async () => {
    const { id } = await startImageBuild(
      null,
      { selection: { kind: "tag", image: "arm:1" } },
      true,
    );
    const [step] = await listImageBuildSteps(id);
    expect(step!.state).toBe("queued");
    const view = await jobDetailView((await findJobRecord(step!.jobId!))!);
    expect(view.waitReason).toContain("arch=arm64");
  });
});
