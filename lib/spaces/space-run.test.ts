// A Space run for real: a shell runner fetches the built commit with its job token, runs a stdlib
// Python app as an unprivileged slot user, reports its endpoint, and the proxy route reaches it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as appRoute from "@/app/[section]/[owner]/[name]/app/[[...path]]/route";
import { getDb } from "@/db/client";
import { findJobRecord } from "@/db/queries/jobs";
import { findRepoRecordById } from "@/db/queries/repos";
import { findSpaceRun } from "@/db/queries/space-runs";
import { findSpaceBuild, finishSpaceBuild } from "@/db/queries/spaces";
import { jobs, spaces } from "@/db/schema";
import { resetConfigForTests } from "@/lib/config";
import { commitChanges } from "@/lib/hub";
import { readJobLog } from "@/lib/jobs/log-store";
import { reapJobs } from "@/lib/jobs/reaper";
import { setJobSettingsForTests } from "@/lib/jobs/settings";
import { refOf } from "@/lib/repos/access";
import { spaceLogResponse } from "@/lib/spaces/logs";
import { setSpaceSleepTime, sleepIdleSpaces } from "@/lib/spaces/sleep";
import { setSpaceVariable } from "@/lib/spaces/variables";
import type { RunnerConfig } from "@/runner/config";
import { runnerWorkRoot } from "@/runner/create-agent";
import { killLeftoverJobs } from "@/runner/leftovers";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";
import { makeRunner } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";
import { startShellRunner } from "@/test/jobs/shell-runner";
import { eq } from "drizzle-orm";

import { pauseSpace, restartSpace, runBuiltSpace } from "./runs";
import { loadSpaceRuntime } from "./runtime";

const isRoot = process.getuid?.() === 0;

// The app: stdlib only. GET echoes what it was given, POST echoes a (chunked) body, /events streams.
const appPy = String.raw`
import os, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class App(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def send(self, body, kind="text/plain"):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "app=1; Path=/")
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        if self.path == "/events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(2):
                data = ("data: tick %d\n\n" % i).encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()
                time.sleep(1.5)
            self.wfile.write(b"0\r\n\r\n")
            return
        env = " ".join("%s=%s" % (k, os.environ.get(k)) for k in
            ["SPACE_ID", "SPACE_AUTHOR_NAME", "SPACE_REPO_NAME", "SYSTEM",
             "GRADIO_ROOT_PATH", "GRADIO_SERVER_NAME", "TOKEN"])
        self.send(("path=%s cookie=%s auth=%s version=%s %s encoding=%s" % (self.path,
            self.headers.get("Cookie"), self.headers.get("Authorization"),
            globals().get("VERSION"), env, self.headers.get("Accept-Encoding"))).encode())
    def do_POST(self):
        body = b""
        if self.headers.get("Transfer-Encoding") == "chunked":
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                body += self.rfile.read(size)
                self.rfile.readline()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send(b"got " + body)

ThreadingHTTPServer(("0.0.0.0", int(os.environ["GRADIO_SERVER_PORT"])), App).serve_forever()
`;

let server: Awaited<ReturnType<typeof startRouteServer>>;
let work: string;
let stopRunner: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (!isRoot) return;
  server = await startRouteServer();
  process.env.PORT = new URL(server.url).port;
  resetConfigForTests();
  setJobSettingsForTests({ pollTimeoutSeconds: 2, pollRecheckMs: 200 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-space-run-test-"));
  fs.chmodSync(work, 0o711);
  const runner = await startShellRunner({
    url: server.url,
    workDir: work,
    concurrency: 3,
    uidBase: 3_600_000,
  });
  stopRunner = runner.stop;
}, 60_000);

afterAll(async () => {
  if (!isRoot) return;
  await stopRunner?.();
  await server.close();
  delete process.env.PORT;
  resetConfigForTests();
  fs.rmSync(work, { recursive: true, force: true });
});

const readme = "---\nsdk: gradio\napp_file: app.py\nbase_image: base_image/tiny:1\n---\n# Demo\n";

async function commitApp(repo: { id: number }, files: Record<string, string>) {
  const record = (await findRepoRecordById(repo.id))!;
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
  return (await findRepoRecordById(repo.id))!;
}

/** Records the (queued) build of the head commit as a success, then runs the hook that follows. */
async function buildSucceeds(repoId: number): Promise<void> {
  const build = (await findSpaceBuild(repoId))!;
  expect(build.buildJobId).toBeTruthy();
  await finishSpaceBuild(repoId, build.buildJobId!, {
    state: "succeeded",
    message: null,
    image: { reference: "unused:1", digest: null, size: null, commit: build.buildCommit! },
  });
  const job = (await findJobRecord(build.buildJobId!))!;
  await runBuiltSpace({
    id: job.id,
    kind: "space-build",
    state: "succeeded",
    resource: { type: "repo", repoId },
    spec: {},
    exitCode: 0,
    failureReason: null,
    finishedAt: new Date(),
  });
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function logOf(jobId: number): Promise<string> {
  const size = (await findJobRecord(jobId))!.logSize;
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(jobId, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

function proxy(
  space: { ownerName: string; name: string },
  subPath: string,
  init: RequestInit & { duplex?: "half" } = {},
) {
  const url = `http://localhost:${process.env.PORT}/spaces/${space.ownerName}/${space.name}/app/${subPath}`;
  // Next hands a route its path segments decoded.
  const segments = new URL(url).pathname
    .split("/")
    .slice(5)
    .filter(Boolean)
    .map(decodeURIComponent);
  return appRoute.GET(new Request(url, init), {
    params: Promise.resolve({
      section: "spaces",
      owner: space.ownerName,
      name: space.name,
      path: segments,
    }),
  });
}

describe.skipIf(!isRoot)("a Space run by a shell runner behind the proxy", () => {
  let owner: TestAccount;
  let space: Awaited<ReturnType<typeof commitApp>>;
  let firstRun: number;

  it("starts after a successful build and answers through the proxy, streamed both ways", async () => {
    owner = await makeAccount();
    const { record } = await makeHubRepo(owner, { type: "space", isPrivate: false });
    await setSpaceVariable(sessionCaller(owner), refOf(record), {
      kind: "secret",
      name: "TOKEN",
      value: "secret-value-42",
    });
    space = await commitApp(record, {
      "README.md": readme,
      "app.py": appPy.replace("import os", "VERSION = 1\nimport os"),
      // Nothing to install: the runner has no package index.
      "requirements.txt": "# stdlib only\n",
    });
    await buildSucceeds(space.id);
    firstRun = (await findSpaceRun(space.id))!.nextRunJobId!;
    await until("the run serves", async () => (await findSpaceRun(space.id))?.runJobId);

    const page = await proxy(space, "hello/w%20x?q=1", {
      headers: {
        cookie: "strata-session=abc",
        authorization: `Bearer ${owner.read}`,
        "accept-encoding": "gzip, br",
      },
    });
    const text = await page.text();
    expect(page.status, text).toBe(200);
    const id = `${space.ownerName}/${space.name}`;
    expect(text).toContain("path=/hello/w%20x?q=1 cookie=None auth=None version=1");
    expect(text).toContain(
      `SPACE_ID=${id} SPACE_AUTHOR_NAME=${space.ownerName} SPACE_REPO_NAME=${space.name} SYSTEM=spaces GRADIO_ROOT_PATH=/spaces/${id}/app GRADIO_SERVER_NAME=0.0.0.0 TOKEN=secret-value-42`,
    );
    // The app is asked for no compression: fetch would decode it and leave a wrong Content-Encoding.
    expect(text).toContain("encoding=identity");
    expect(page.headers.get("set-cookie")).toBeNull();
    expect(page.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts/);

    const parts = ["first ", "second"];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts.shift();
        if (part === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(part));
      },
    });
    const posted = await proxy(space, "echo", { method: "POST", body, duplex: "half" });
    expect(await posted.text()).toBe("got first second");

    const events = await proxy(space, "events");
    expect(events.headers.get("content-type")).toBe("text/event-stream");
    const reader = events.body!.getReader();
    const started = Date.now();
    const first = await reader.read();
    const firstAt = Date.now() - started;
    expect(new TextDecoder().decode(first.value)).toContain("data: tick 0");
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toContain("data: tick 1");
    // The first event came before the app wrote the second: nothing buffered the stream.
    expect(Date.now() - started - firstAt).toBeGreaterThan(1_000);

    expect(await logOf(firstRun)).not.toContain("secret-value-42");
    expect((await loadSpaceRuntime(null, refOf(space))).stage).toBe("RUNNING");
  }, 120_000);

  it("keeps the serving run when a new version fails to start, and replaces it with one that answers", async () => {
    space = await commitApp(space, { "app.py": "raise SystemExit('broken at start')\n" });
    await buildSucceeds(space.id);
    const failing = (await findSpaceRun(space.id))!.nextRunJobId!;
    expect(failing).not.toBe(firstRun);
    await until("the new run failed", async () => {
      const run = await findSpaceRun(space.id);
      return run?.nextRunJobId === null && run.runMessage;
    });
    expect((await findJobRecord(failing))!.state).toBe("failed");
    expect(await logOf(failing)).toContain("broken at start");
    expect((await findSpaceRun(space.id))!.runJobId).toBe(firstRun);
    // Still serving, and saying why the new version is not.
    expect((await loadSpaceRuntime(null, refOf(space))).run).toMatchObject({
      state: "running",
      message: expect.stringContaining("exited with code 1"),
      logJobId: firstRun,
    });
    expect(await (await proxy(space, "")).text()).toContain("version=1");

    space = await commitApp(space, {
      "app.py": appPy.replace("import os", "VERSION = 2\nimport os"),
    });
    // While the new commit builds, the old version keeps serving.
    await expect
      .poll(async () => (await loadSpaceRuntime(null, refOf(space))).stage)
      .toBe("RUNNING_BUILDING");
    await buildSucceeds(space.id);
    const next = (await findSpaceRun(space.id))!.nextRunJobId!;
    await until(
      "the new run serves",
      async () => (await findSpaceRun(space.id))?.runJobId === next,
    );
    expect(await (await proxy(space, "")).text()).toContain("version=2");
    await until("the old run is stopped", async () => {
      const job = await findJobRecord(firstRun);
      return job?.state === "cancelled";
    });
  }, 150_000);

  it("never proxies to a run of another Space", async () => {
    const other = await makeAccount();
    const { record } = await makeHubRepo(other, { type: "space", isPrivate: false });
    const otherSpace = await commitApp(record, {
      "README.md": readme,
      "app.py": appPy,
      "requirements.txt": "",
    });
    const serving = (await findSpaceRun(space.id))!.runJobId!;
    // Even if its row named another Space's running job, that job's endpoint is not this Space's.
    getDb().update(spaces).set({ runJobId: serving }).where(eq(spaces.repoId, otherSpace.id)).run();
    const response = await proxy(otherSpace, "");
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("SPACE_ID");
  });

  it("refuses an endpoint that points at this server itself", async () => {
    const serving = (await findSpaceRun(space.id))!.runJobId!;
    const real = (await findJobRecord(serving))!.endpoint;
    const own = `http://127.0.0.1:${process.env.PORT}`;
    getDb().update(jobs).set({ endpoint: own }).where(eq(jobs.id, serving)).run();
    try {
      expect((await proxy(space, "api/whoami")).status).toBe(503);
    } finally {
      getDb().update(jobs).set({ endpoint: real }).where(eq(jobs.id, serving)).run();
    }
  });

  it("asks for an NPU runner and one chip for an npu-basic Space, with no time limit but the longest", async () => {
    const { record } = await makeHubRepo(owner, { type: "space", isPrivate: false });
    const npuSpace = await commitApp(record, {
      "README.md": readme.replace("sdk: gradio", "sdk: gradio\nhardware: npu-basic"),
      "app.py": appPy,
      "requirements.txt": "",
    });
    await buildSucceeds(npuSpace.id);
    const job = (await findJobRecord((await findSpaceRun(npuSpace.id))!.nextRunJobId!))!;
    expect(job).toMatchObject({
      kind: "space-run",
      requiredLabels: { hardware: "npu" },
      npuCount: 1,
      timeoutSeconds: 7 * 24 * 3600,
    });
    // The secrets are added when a runner claims it: they are never stored with the job.
    expect(JSON.stringify(job.spec)).not.toContain("secret-value-42");
    await pauseSpace(sessionCaller(owner), refOf(npuSpace));
  });

  it("streams its logs as the Hub's server-sent events, following the running app", async () => {
    const abort = new AbortController();
    const request = new Request("http://localhost/api/spaces/x/y/logs/run", {
      signal: abort.signal,
    });
    const response = await spaceLogResponse(request, null, refOf(space), "run");
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("Serving HTTP") && !text.includes('"data"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    await reader.cancel();
    const first = text.split("\n").find((line) => line.startsWith("data: "))!;
    expect(JSON.parse(first.slice(6))).toEqual({
      data: expect.stringMatching(/\n$/),
      timestamp: expect.any(String),
    });
  });

  it("answers 404 for a private Space to anonymous callers and strangers", async () => {
    const { record } = await makeHubRepo(owner, { type: "space", isPrivate: true });
    const secret = await commitApp(record, {
      "README.md": readme,
      "app.py": appPy,
      "requirements.txt": "",
    });
    const stranger = await makeAccount();
    expect((await proxy(secret, "")).status).toBe(404);
    const asStranger = { headers: { authorization: `Bearer ${stranger.read}` } };
    expect((await proxy(secret, "", asStranger)).status).toBe(404);
    const asOwner = { headers: { authorization: `Bearer ${owner.read}` } };
    expect((await proxy(secret, "", asOwner)).status).toBe(503);
    // Its logs too.
    const logs = new Request("http://localhost/api/spaces/x/y/logs/build");
    await expect(spaceLogResponse(logs, null, refOf(secret), "build")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      spaceLogResponse(logs, sessionCaller(stranger), refOf(secret), "build"),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("restarts the running app when a secret changes, so that it sees the new value", async () => {
    const before = (await findSpaceRun(space.id))!.runJobId!;
    const { restartJobId, rebuildJobId } = await setSpaceVariable(
      sessionCaller(owner),
      refOf(space),
      { kind: "secret", name: "TOKEN", value: "rotated-7" },
    );
    expect(rebuildJobId).toBeNull();
    expect(restartJobId).not.toBeNull();
    await until("the restarted run serves", async () => {
      return (await findSpaceRun(space.id))?.runJobId === restartJobId;
    });
    expect(await (await proxy(space, "")).text()).toContain("TOKEN=rotated-7");
    await until("the old run is stopped", async () => {
      return (await findJobRecord(before))?.state === "cancelled";
    });
  }, 120_000);

  it("sleeps after its idle time, and the next visit wakes it with a page that reloads itself", async () => {
    const caller = sessionCaller(owner);
    await expect(
      setSpaceSleepTime(sessionCaller(await makeAccount()), refOf(space), 5),
    ).rejects.toThrow();
    await setSpaceSleepTime(caller, refOf(space), 5);
    const serving = (await findSpaceRun(space.id))!.runJobId!;
    // A request just now keeps it awake.
    expect((await proxy(space, "")).status).toBe(200);
    expect(await sleepIdleSpaces(new Date())).not.toContain(space.id);
    expect(await sleepIdleSpaces(new Date(Date.now() + 6_000))).toContain(space.id);
    expect((await loadSpaceRuntime(null, refOf(space))).stage).toBe("SLEEPING");
    await until("the sleeping run is stopped", async () => {
      return (await findJobRecord(serving))?.state === "cancelled";
    });

    const waking = await proxy(space, "");
    expect(waking.status).toBe(503);
    const text = await waking.text();
    expect(text).toContain("waking up");
    expect(text).toContain('http-equiv="refresh"');
    expect(waking.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts/);
    // A second visit does not start a second run.
    const woken = (await findSpaceRun(space.id))!.nextRunJobId!;
    expect(woken).toBeTruthy();
    await proxy(space, "");
    expect((await findSpaceRun(space.id))!.nextRunJobId).toBe(woken);
    await until("the woken run serves", async () => {
      return (await findSpaceRun(space.id))?.runJobId === woken;
    });
    expect(await (await proxy(space, "")).text()).toContain("version=2");
    // Serving again counts as activity: it does not fall asleep at once.
    expect(await sleepIdleSpaces(new Date())).not.toContain(space.id);
    await setSpaceSleepTime(caller, refOf(space), null);
    expect((await loadSpaceRuntime(null, refOf(space))).sleepSeconds).toBe(48 * 3600);
  }, 120_000);

  it("pauses, answering with the not-running page, and restarts for a writer", async () => {
    await pauseSpace(sessionCaller(owner), refOf(space));
    const paused = await proxy(space, "");
    expect(paused.status).toBe(503);
    expect((await loadSpaceRuntime(null, refOf(space))).stage).toBe("PAUSED");
    const { jobId } = await restartSpace(sessionCaller(owner), refOf(space));
    await until("the restarted run serves", async () => {
      return (await findSpaceRun(space.id))?.runJobId === jobId;
    });
    expect(await (await proxy(space, "")).text()).toContain("version=2");
    await pauseSpace(sessionCaller(owner), refOf(space));
  }, 120_000);

  it("restarts on another runner when its runner dies (the lease runs out and the job is requeued)", async () => {
    // Runner B is a real process of its own, so it can be killed like a crashed host.
    await stopRunner?.();
    stopRunner = undefined;
    const labels = { executor: "shell", hardware: "cpu" };
    const identity = await makeRunner({ labels });
    const config: RunnerConfig = {
      id: identity.id,
      name: identity.name,
      token: identity.token,
      url: server.url,
      labels,
      executor: "shell",
      builder: "none",
      concurrency: 1,
      npu: { chip: null, devices: [] },
      workDir: work,
      shutdownGraceSeconds: 5,
      pollSeconds: 2,
      shell: { uidBase: 3_700_000 },
    };
    const configFile = path.join(work, "runner-b.json");
    fs.writeFileSync(configFile, JSON.stringify(config), { mode: 0o600 });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("runner/main.ts"), "run", "--config", configFile],
      {
        detached: true,
        stdio: "ignore",
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test" },
      },
    );
    try {
      const { jobId } = await restartSpace(sessionCaller(owner), refOf(space));
      await until("runner B serves the app", async () => {
        return (await findSpaceRun(space.id))?.runJobId === jobId;
      });
      expect((await findJobRecord(jobId))?.runnerName).toBe(identity.name);
      expect(await (await proxy(space, "")).text()).toContain("version=2");

      process.kill(-child.pid!, "SIGKILL");
      // Nothing renews the lease now; once it has run out the reaper puts the job back in the queue.
      const reaped = await reapJobs(new Date(Date.now() + 3600_000));
      expect(reaped.requeued).toContain(jobId);
      const runnerC = await startShellRunner({
        url: server.url,
        workDir: work,
        concurrency: 2,
        uidBase: 3_800_000,
      });
      stopRunner = runnerC.stop;
      await until("another runner serves it again", async () => {
        const job = await findJobRecord(jobId);
        return job?.attempt === 2 && job.endpoint && job.runnerName !== identity.name;
      });
      expect((await findSpaceRun(space.id))?.runJobId).toBe(jobId);
      expect(await (await proxy(space, "")).text()).toContain("version=2");
      await pauseSpace(sessionCaller(owner), refOf(space));
    } finally {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // killed above already
      }
      // What runner B left running (its app), as its next start would.
      killLeftoverJobs(runnerWorkRoot(config));
    }
  }, 150_000);
});
