// A Space built for real: a shell runner with buildah fetches the Space over git with its job
// token, builds the image on a base pulled from this hub's registry, and pushes it there; skopeo
// and umoci then read the image as any client would.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { findRepoRecordById } from "@/db/queries/repos";
import { findSpaceBuild } from "@/db/queries/spaces";
import { resetConfigForTests } from "@/lib/config";
import { commitChanges } from "@/lib/hub";
import { readJobLog } from "@/lib/jobs/log-store";
import { setJobSettingsForTests } from "@/lib/jobs/settings";
import { refOf } from "@/lib/repos/access";
import { setSpaceVariable } from "@/lib/spaces/variables";
import { buildIdRange } from "@/runner/builders/buildah-args";
import { detectBuilder } from "@/runner/builders/detect";
import { makeOrg, sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";
import { startRouteServer } from "@/test/jobs/route-server";
import { startShellRunner } from "@/test/jobs/shell-runner";
import { pushTinyBaseImage } from "@/test/jobs/tiny-base-image";

const run = promisify(execFile);
const canBuild = detectBuilder("shell") === "buildah";
const uidBase = 3_500_000;

let server: Awaited<ReturnType<typeof startRouteServer>>;
let host: string;
let work: string;
let admin: TestAccount;
let baseImage: string;
let stopRunner: (() => Promise<void>) | undefined;

/** Runs a command without blocking the event loop: the server it talks to runs in this process. */
const sh = (file: string, args: string[]) =>
  run(file, args, { cwd: work, maxBuffer: 64 * 1024 * 1024 });

/** A base image of busybox alone, pushed as the image center's admins would. */
async function pushTinyBase(): Promise<string> {
  const image = `${host}/base_image/tiny:1`;
  await pushTinyBaseImage({
    work,
    reference: image,
    creds: { name: admin.name, token: admin.write },
  });
  return image;
}

beforeAll(async () => {
  if (!canBuild) return;
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  resetConfigForTests();
  host = `localhost:${process.env.PORT}`;
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-buildah-test-"));
  fs.chmodSync(work, 0o711); // jobs run as other uids and pass through to their own dirs
  admin = await makeAccount();
  await makeOrg(admin, "base_image");
  baseImage = await pushTinyBase();
  const runner = await startShellRunner({
    url: server.url,
    workDir: work,
    builder: "buildah",
    uidBase,
  });
  stopRunner = runner.stop;
}, 120_000);

afterAll(async () => {
  if (!canBuild) return;
  await stopRunner?.();
  await server.close();
  delete process.env.PORT;
  resetConfigForTests();
  fs.rmSync(work, { recursive: true, force: true });
});

async function spaceWith(
  owner: TestAccount,
  files: Record<string, string>,
  isPrivate: boolean,
  variables: { kind: "variable" | "secret"; name: string; value: string }[] = [],
) {
  const { record } = await makeHubRepo(owner, { type: "space", isPrivate });
  for (const variable of variables)
    await setSpaceVariable(sessionCaller(owner), refOf(record), variable);
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "app",
    operations: Object.entries(files).map(([file, content]) => ({
      kind: "file" as const,
      path: file,
      source: { content },
    })),
  });
  return (await findRepoRecordById(record.id))!;
}

/** The end of the build of the Space's head (not of the template commit before it). */
async function builtSpace(space: { id: number; headCommit: string | null }) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const build = (await findSpaceBuild(space.id))!;
    const ended = !["queued", "building", "none"].includes(build.buildState);
    if (ended && build.buildCommit === space.headCommit) return build;
    if (Date.now() > deadline) throw new Error(`the build is still ${build.buildState}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function logOf(jobId: number): Promise<string> {
  const size = (await findJobRecord(jobId))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(jobId, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

/** Copies the image out with skopeo and unpacks its root filesystem with umoci. */
async function unpack(image: string, creds: string): Promise<string> {
  const layout = path.join(work, `oci-${Math.random().toString(36).slice(2)}`);
  await sh("skopeo", [
    "copy",
    "--src-tls-verify=false",
    "--src-creds",
    creds,
    `docker://${image}`,
    `oci:${layout}:built`,
  ]);
  await sh("umoci", ["unpack", "--image", `${layout}:built`, `${layout}-bundle`]);
  return path.join(`${layout}-bundle`, "rootfs");
}

describe.skipIf(!canBuild)("a Space built by a buildah runner", () => {
  it("is a pushed image with the app, env, port and command of its spec, private like its Space", async () => {
    const owner = await makeAccount();
    const space = await spaceWith(
      owner,
      {
        "README.md": `---\nsdk: gradio\napp_file: app.py\nbase_image: ${baseImage}\n---\n# Demo\n`,
        "app.py": "print('hello from the Space')\n",
        // Nothing to install: no RUN, so the pip-less test base builds.
        "requirements.txt": "# no dependencies\n",
        // An LFS file (`*.bin`): the build's checkout fetches its content, not the pointer.
        "weights.bin": "pretend weights\n",
      },
      true,
    );
    const build = await builtSpace(space);
    const log = await logOf(build.buildJobId!);
    expect(build, log).toMatchObject({
      buildState: "succeeded",
      builtCommit: space.headCommit,
      image: `${host}/spaces/${space.ownerName}/${space.name}:${space.headCommit!.slice(0, 12)}`,
    });
    expect(log).toMatch(/pushed .* as sha256:[0-9a-f]{64}/);
    expect(log).toContain("is this hub's registry over plain HTTP");
    for (const token of [owner.write, owner.read, admin.write]) expect(log).not.toContain(token);

    const creds = `${owner.name}:${owner.read}`;
    const { stdout } = await sh("skopeo", [
      "inspect",
      "--tls-verify=false",
      "--creds",
      creds,
      `docker://${build.image}`,
    ]);
    const inspected = JSON.parse(stdout) as { Digest: string; Env: string[] };
    expect(inspected.Digest).toBe(build.imageDigest);
    expect(build.imageSize).toBeGreaterThan(0);
    expect(inspected.Env).toEqual(
      expect.arrayContaining([
        "GRADIO_SERVER_NAME=0.0.0.0",
        "GRADIO_SERVER_PORT=7860",
        "SYSTEM=spaces",
      ]),
    );
    const config = JSON.parse(
      (
        await sh("skopeo", [
          "inspect",
          "--config",
          "--tls-verify=false",
          "--creds",
          creds,
          `docker://${build.image}`,
        ])
      ).stdout,
    ) as { config: { Cmd: string[]; ExposedPorts: object; User: string; WorkingDir: string } };
    expect(config.config).toMatchObject({
      Cmd: ["python", "app.py"],
      ExposedPorts: { "7860/tcp": {} },
      User: "1000",
      WorkingDir: "/home/user/app",
    });

    const rootfs = await unpack(build.image!, creds);
    expect(fs.readFileSync(path.join(rootfs, "home/user/app/app.py"), "utf8")).toContain(
      "hello from the Space",
    );
    expect(fs.statSync(path.join(rootfs, "home/user/app/app.py")).uid).toBe(1000);
    expect(fs.readFileSync(path.join(rootfs, "home/user/app/weights.bin"), "utf8")).toBe(
      "pretend weights\n",
    );
    expect(fs.existsSync(path.join(rootfs, "home/user/app/.git"))).toBe(false);
    expect(fs.existsSync(path.join(rootfs, "bin/busybox"))).toBe(true);

    // The image is as private as the Space: anonymous and other users are refused.
    const stranger = await makeAccount();
    for (const who of [[], ["--creds", `${stranger.name}:${stranger.read}`]]) {
      await expect(
        sh("skopeo", ["inspect", "--tls-verify=false", ...who, `docker://${build.image}`]),
      ).rejects.toThrow(/unauthorized|denied|not found|requested access/i);
    }
  }, 180_000);

  it("runs a docker Space's RUN instructions as unprivileged uids, not as the host's root", async () => {
    const owner = await makeAccount();
    const space = await spaceWith(
      owner,
      {
        "README.md": "---\nsdk: docker\napp_port: 7860\n---\n# Docker Space\n",
        Dockerfile: [
          `FROM ${baseImage}`,
          "ARG GREETING",
          "ARG TOKEN",
          "RUN cat /proc/self/uid_map > /uid-map && (kill -0 1 2>/dev/null && echo yes || echo no) > /can-signal-init",
          'RUN echo "$GREETING" > /greeting && echo "token:$TOKEN" > /token',
          "COPY page.txt /srv/page.txt",
          'CMD ["/bin/httpd", "-f", "-p", "7860", "-h", "/srv"]',
          "",
        ].join("\n"),
        "page.txt": "served\n",
      },
      false,
      [
        { kind: "variable", name: "GREETING", value: "hello from a variable" },
        { kind: "secret", name: "TOKEN", value: "secret-value-never-built" },
      ],
    );
    const build = await builtSpace(space);
    const log = await logOf(build.buildJobId!);
    expect(build.buildState, log).toBe("succeeded");
    expect(log).not.toContain("secret-value-never-built");
    const rootfs = await unpack(build.image!, `${owner.name}:${owner.read}`);
    const { first, count } = buildIdRange(uidBase);
    expect(fs.readFileSync(path.join(rootfs, "uid-map"), "utf8").trim().split(/\s+/)).toEqual([
      "0",
      String(first),
      String(count),
    ]);
    expect(fs.readFileSync(path.join(rootfs, "can-signal-init"), "utf8").trim()).toBe("no");
    expect(fs.readFileSync(path.join(rootfs, "srv/page.txt"), "utf8")).toBe("served\n");
    // Variables are build args; secrets never reach a build.
    expect(fs.readFileSync(path.join(rootfs, "greeting"), "utf8")).toBe("hello from a variable\n");
    expect(fs.readFileSync(path.join(rootfs, "token"), "utf8")).toBe("token:\n");
  }, 180_000);
});
