// The Space app proxy under load: a stdlib-Python app run by the embedded runner, measured with
// wrk on its own endpoint and through `/spaces/{owner}/{name}/app/`, both with the protocol front
// (`npm start`) and with Next alone (STRATA_FRONT=off); then the time from a request that wakes
// the sleeping Space to the first byte of its page.
//   npm run build && npx tsx bench/space-proxy-bench.ts [--port 3212] [--seconds 5]
// Needs wrk, skopeo, umoci, buildah and root (the embedded runner builds the Space with buildah).
// Two production servers share one throw-away data dir: the front one on --port (it runs the
// embedded runner) and the Next-only one on --port + 1.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", default: "3212" }, seconds: { type: "string", default: "5" } },
});
const frontPort = Number(values.port);
const nextPort = frontPort + 1;
const seconds = Number(values.seconds);
const root = path.resolve(import.meta.dirname, "..");
const sh = promisify(execFile);

for (const tool of ["wrk", "skopeo", "umoci", "buildah"]) {
  if (!(await sh("which", [tool]).catch(() => null))) {
    console.error(`This bench needs ${tool} (apt-get install ${tool}).`);
    process.exit(64);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-proxy-bench-"));
fs.chmodSync(work, 0o711); // jobs run as other uids and pass through to their own dirs
const dataDir = path.join(work, "data");
const baseEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  STRATA_DATA_DIR: dataDir,
  // Idle Spaces are looked for every second, so the Space falls asleep soon after its idle time.
  STRATA_SPACE_SLEEP_CHECK_SECONDS: "1",
  // As scripts/lib/serve.mjs runs the server.
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-semi-space-size=64`.trim(),
};
process.env.STRATA_E2E_URL = `http://localhost:${frontPort}`;
const { buildBusyboxLayout, pushLayout } = await import("../e2e/support/registry");

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const cli = async (...args: string[]) =>
  (
    await sh(tsx, ["--conditions=react-server", "scripts/cli/index.ts", ...args], {
      cwd: root,
      env: baseEnv,
    })
  ).stdout.trim();

const servers: ChildProcess[] = [];
function startServer(port: number, env: Record<string, string>): ChildProcess {
  const log = fs.openSync(path.join(work, `server-${port}.log`), "a");
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: { ...baseEnv, PORT: String(port), STRATA_PUBLIC_URL: `http://localhost:${port}`, ...env },
    stdio: ["ignore", log, log],
  });
  servers.push(child);
  return child;
}
async function stopServers() {
  for (const child of servers) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}
process.on(
  "SIGINT",
  () =>
    void stopServers().then(() => {
      fs.rmSync(work, { recursive: true, force: true });
      process.exit(130);
    }),
);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what} (logs in ${work}).`);
}
const healthy = (port: number) =>
  waitFor(
    `the server on ${port}`,
    async () => ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : null),
    120_000,
  );

// The app: a small page, a 10 MB download, and its own port (so wrk can call it directly).
const appPy = String.raw`
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ["GRADIO_SERVER_PORT"])
PAGE = ("<!doctype html><meta charset=utf-8><title>Bench</title><h1>Bench app</h1>" + "<p>lorem ipsum dolor sit amet</p>" * 30).encode()
BIG = os.urandom(10 * 1024 * 1024)

class App(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body are separate writes: with Nagle on, each answer waits for a delayed ACK (40 ms).
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = BIG if self.path == "/download" else str(PORT).encode() if self.path == "/port" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream" if body is BIG else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

ThreadingHTTPServer(("0.0.0.0", PORT), App).serve_forever()
`;

try {
  await sh(tsx, ["--conditions=react-server", "db/migrate.ts"], { cwd: root, env: baseEnv });
  startServer(frontPort, {});
  await healthy(frontPort);
  startServer(nextPort, { STRATA_FRONT: "off", STRATA_EMBEDDED_RUNNER: "0" });
  await healthy(nextPort);

  // A busybox base in the image center's namespace, and the Space built on it.
  await cli("users:create", "--username", "benchadmin", "--password", "bench-pw-1", "--admin");
  const adminToken = await cli(
    "tokens:create",
    ...["--username", "benchadmin", "--name", "bench", "--scope", "write"],
  );
  await cli("orgs:create", "--name", "base_image", "--owner", "benchadmin");
  const layoutDir = fs.mkdtempSync(path.join(work, "base-"));
  const pushed = await pushLayout(
    await buildBusyboxLayout(layoutDir),
    { user: "benchadmin", token: adminToken },
    "base_image/tiny",
    "1",
  );
  if (!pushed.ok) throw new Error(pushed.stderr);
  const baseImage = `localhost:${frontPort}/base_image/tiny:1`;
  const auth = { Authorization: `Bearer ${adminToken}` };
  const created = await fetch(`http://127.0.0.1:${frontPort}/hf/api/repos/create`, {
    method: "POST",
    headers: { ...auth, "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "space",
      name: "proxy-bench",
      sdk: "gradio",
      files: [
        {
          path: "README.md",
          content: `---\nsdk: gradio\napp_file: app.py\nbase_image: ${baseImage}\n---\n`,
          encoding: "utf-8",
        },
        { path: "app.py", content: appPy, encoding: "utf-8" },
        { path: "requirements.txt", content: "# stdlib only\n", encoding: "utf-8" },
      ],
    }),
  });
  if (!created.ok) throw new Error(await created.text());
  const repo = "benchadmin/proxy-bench";
  const stage = async () =>
    (
      (await (
        await fetch(`http://127.0.0.1:${frontPort}/hf/api/spaces/${repo}/runtime`)
      ).json()) as {
        stage: string;
      }
    ).stage;
  const appPath = `/spaces/${repo}/app`;
  const started = Date.now();
  await waitFor(
    "the Space to run",
    async () => {
      const now = await stage();
      if (["BUILD_ERROR", "RUNTIME_ERROR"].includes(now)) throw new Error(now);
      const page = await fetch(`http://127.0.0.1:${frontPort}${appPath}/port`);
      return now === "RUNNING" && page.ok ? true : null;
    },
    600_000,
  );
  const appPort = Number(
    await (await fetch(`http://127.0.0.1:${frontPort}${appPath}/port`)).text(),
  );
  console.log(`Space built and running in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  type Figures = { rps: number; p50: number; p95: number; p99: number; errors: number };
  async function wrk(url: string, connections: number): Promise<Figures> {
    const { stdout } = await sh("wrk", [
      ...["-t1", `-c${connections}`, `-d${seconds}s`, "--latency"],
      ...["-s", path.join(root, "bench", "wrk-summary.lua"), url],
    ]);
    const line = stdout.split("\n").find((l) => l.startsWith("WRK "));
    if (!line) throw new Error(stdout);
    const [rps, p50, p95, p99, status, socket] = line.slice(4).split(" ").map(Number);
    return { rps: rps!, p50: p50!, p95: p95!, p99: p99!, errors: status! + socket! };
  }

  const targets: [string, string][] = [
    ["app directly", `http://127.0.0.1:${appPort}`],
    ["through the front", `http://127.0.0.1:${frontPort}${appPath}`],
    ["through Next (STRATA_FRONT=off)", `http://127.0.0.1:${nextPort}${appPath}`],
  ];
  const loads: [string, string, number][] = [
    ["page, 1 connection", "/", 1],
    ["page, 8 connections", "/", 8],
    ["10 MB, 2 connections", "/download", 2],
  ];
  const rows: string[] = [];
  for (const [load, suffix, connections] of loads) {
    let direct: Figures | null = null;
    for (const [target, base] of targets) {
      // A short warm-up: connections open, code paths compiled.
      await sh("wrk", ["-t1", `-c${connections}`, "-d1s", `${base}${suffix}`]);
      const f = await wrk(`${base}${suffix}`, connections);
      direct ??= f;
      const mbps = suffix === "/download" ? ` (${(f.rps * 10).toFixed(0)} MiB/s)` : "";
      const same = f === direct;
      rows.push(
        `| ${load} | ${target} | ${f.rps.toFixed(0)}${mbps} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ` +
          `${same ? "–" : `+${(f.p50 - direct.p50).toFixed(2)}`} | ${same ? "1" : (f.rps / direct.rps).toFixed(2)} | ${f.errors} |`,
      );
    }
  }
  console.log(
    `\nLoad average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    "| load | target | requests/s | p50 ms | p99 ms | added p50 ms | ratio to direct | errors |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);

  // Sleep and wake: the idle time is the Hub's sleeptime (5 s here); then one request wakes it.
  const sleepTime = await fetch(`http://127.0.0.1:${frontPort}/hf/api/spaces/${repo}/sleeptime`, {
    method: "POST",
    headers: { ...auth, "Content-Type": "application/json" },
    body: JSON.stringify({ seconds: 5 }),
  });
  if (!sleepTime.ok) throw new Error(await sleepTime.text());

  /** Time from the waking request to the app's page: reloading as the waking page says, or every 100 ms. */
  async function wake(port: number, browserLike: boolean) {
    await waitFor(
      "the Space to sleep",
      async () => ((await stage()) === "SLEEPING" ? true : null),
      120_000,
    );
    const t0 = performance.now();
    let requests = 0;
    for (;;) {
      requests++;
      const response = await fetch(`http://127.0.0.1:${port}${appPath}/`);
      const firstByte = performance.now();
      const body = await response.text();
      if (response.ok && body.includes("Bench app")) {
        return { ms: firstByte - t0, requests };
      }
      const refresh = /http-equiv="refresh" content="(\d+)"/.exec(body);
      const waitMs = browserLike && refresh ? Number(refresh[1]) * 1000 : 100;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
  const wakes: string[] = [];
  for (const [target, port] of [
    ["front", frontPort],
    ["Next (STRATA_FRONT=off)", nextPort],
  ] as const) {
    for (const browserLike of [true, false]) {
      const { ms, requests } = await wake(port, browserLike);
      wakes.push(
        `| ${target} | ${browserLike ? "as a browser (the waking page's refresh)" : "every 100 ms"} | ${(ms / 1000).toFixed(2)} | ${requests} |`,
      );
    }
  }
  console.log(
    "\n| wake through | reloading | wake request → first byte of the page, s | requests |",
  );
  console.log("|---|---|---|---|");
  for (const row of wakes) console.log(row);
  console.log(
    `Load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await stopServers();
  fs.rmSync(work, { recursive: true, force: true });
}
