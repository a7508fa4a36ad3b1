// Time from a commit to a built Space image, and the server's share of it, with a real buildah
// runner: each round commits a 10 MB app to a gradio Space on a busybox base, and the runner
// fetches it over git, builds it and pushes it to the registry.
//   npx tsx --conditions=react-server bench/space-build-bench.ts [--rounds 5] [--app-mb 10]
// Needs root and buildah (as `npm test` installs). Server and runner agent share this process (the
// agent's own work is a few HTTP calls); git, buildah and the build run as child processes, so
// this process's CPU time is the server's share.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "app-mb": { type: "string", default: "10" },
  },
});
const rounds = Number(values.rounds);
const appBytes = Number(values["app-mb"]) * 1024 * 1024;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-space-bench-"));
fs.chmodSync(work, 0o711); // jobs run as other uids and pass through to their own dirs
process.env.STRATA_DATA_DIR = path.join(work, "data");
process.env.STRATA_EMBEDDED_RUNNER = "0";

const { migrateDatabase, closeDatabase } = await import("@/db/client");
const { findJobRecord } = await import("@/db/queries/jobs");
const { findRepoRecordById } = await import("@/db/queries/repos");
const { findSpaceBuild } = await import("@/db/queries/spaces");
const { resetConfigForTests } = await import("@/lib/config");
const { commitChanges } = await import("@/lib/hub");
const { setJobSettingsForTests } = await import("@/lib/jobs/settings");
const { refOf } = await import("@/lib/repos/access");
const { registerRepoIndexer } = await import("@/lib/repos/register-indexer");
const { makeOrg } = await import("@/test/factories");
const { makeAccount, makeHubRepo } = await import("@/test/hf");
const { startShellRunner } = await import("@/test/jobs/shell-runner");
const { startRouteServer } = await import("@/test/jobs/route-server");
const { detectBuilder } = await import("@/runner/builders/detect");

if (detectBuilder("shell") !== "buildah") {
  console.error("This bench needs root and buildah (apt-get install buildah).");
  process.exit(64);
}

migrateDatabase();
registerRepoIndexer();
const server = await startRouteServer();
process.env.PORT = new URL(server.url).port;
resetConfigForTests();
setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 50 });
const host = `localhost:${process.env.PORT}`;
const sh = promisify(execFile);

// A busybox base in the image center's namespace, pushed once.
const admin = await makeAccount();
await makeOrg(admin, "base_image");
const store = [
  "--root",
  `${work}/base`,
  "--runroot",
  `${work}/base-run`,
  "--storage-driver",
  "vfs",
];
const container = (await sh("buildah", [...store, "from", "scratch"])).stdout.trim();
await sh("buildah", [...store, "copy", container, "/bin/busybox", "/bin/busybox"]);
await sh("buildah", [...store, "commit", "-q", container, "tiny"]);
const baseImage = `${host}/base_image/tiny:1`;
await sh("buildah", [
  ...store,
  "push",
  "--tls-verify=false",
  "--creds",
  `${admin.name}:${admin.write}`,
  "tiny",
  `docker://${baseImage}`,
]);

const runner = await startShellRunner({
  url: server.url,
  workDir: work,
  builder: "buildah",
  uidBase: 3_700_000,
});

const owner = await makeAccount();
const { record } = await makeHubRepo(owner, { type: "space" });
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rows: string[][] = [];

for (let round = 1; round <= rounds; round++) {
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author: { name: "Bench", email: "bench@example.com" },
    message: `round ${round}`,
    operations: [
      {
        kind: "file",
        path: "README.md",
        source: { content: `---\nsdk: gradio\napp_file: app.py\nbase_image: ${baseImage}\n---\n` },
      },
      { kind: "file", path: "app.py", source: { content: `print("round ${round}")\n` } },
      { kind: "file", path: "requirements.txt", source: { content: "# nothing\n" } },
      // Random (incompressible) text, not an LFS file: the app's own assets.
      {
        kind: "file",
        path: "assets/data.b64",
        source: { content: randomBytes((appBytes * 3) / 4).toString("base64") },
      },
    ],
  });
  const committed = Date.now();
  const head = (await findRepoRecordById(record.id))!.headCommit;
  let build = (await findSpaceBuild(record.id))!;
  while (build.buildCommit !== head || ["queued", "building"].includes(build.buildState)) {
    await new Promise((r) => setTimeout(r, 20));
    build = (await findSpaceBuild(record.id))!;
  }
  const built = Date.now();
  if (build.buildState !== "succeeded") {
    const { readJobLog } = await import("@/lib/jobs/log-store");
    const size = (await findJobRecord(build.buildJobId!))!.logSize;
    for await (const chunk of readJobLog(build.buildJobId!, 0, size))
      process.stderr.write(chunk as Buffer);
    throw new Error(`round ${round}: the build ${build.buildState}`);
  }
  const job = (await findJobRecord(build.buildJobId!))!;
  const cpu = process.cpuUsage(cpuBefore);
  rows.push([
    String(round),
    seconds(built - started),
    seconds(committed - started),
    seconds(job.startedAt!.getTime() - job.queuedAt.getTime()),
    seconds(job.finishedAt!.getTime() - job.startedAt!.getTime()),
    seconds(built - job.finishedAt!.getTime()),
    seconds((cpu.user + cpu.system) / 1000),
    ((build.imageSize ?? 0) / 1024 / 1024).toFixed(1),
  ]);
}

console.log(
  `| round | commit → built | commit | queued → claimed | job (fetch, build, push) | finished → recorded | server CPU | image MB |`,
);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(2)}`);

await runner.stop();
await server.close();
closeDatabase();
fs.rmSync(work, { recursive: true, force: true });
