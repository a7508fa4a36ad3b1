import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** A process started in a group of its own, so that all of it (npm, tsx, node) can be signalled at once. */
type GroupProcess = {
  child: ChildProcess;
  output: () => string;
  signal: (signal: NodeJS.Signals) => void;
  exited: Promise<void>;
};

function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv): GroupProcess {
  const child = spawn(command, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    signal: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
    exited,
  };
}

export type RunnerProcess = GroupProcess & {
  name: string;
  configFile: string;
  stop: () => Promise<void>;
};

/**
 * Registers a runner with a registration token (`npm run runner -- register`) and starts it
 * (`npm run runner -- run`) as a real process. Its work dir is under the system temp dir, which
 * the unprivileged job user can reach.
 */
export async function startRunner(options: {
  url: string;
  registrationToken: string;
  name: string;
  labels: string;
  dir: string;
  executor?: "shell" | "docker";
  /** NPU device numbers, e.g. "0,1,2,3" (a fake inventory: nothing here opens a device). */
  npus?: string;
  npuChip?: string;
  /** The runner's environment instead of the test's, e.g. a PATH with a stand-in `docker`. */
  env?: NodeJS.ProcessEnv;
}): Promise<RunnerProcess> {
  const configFile = path.join(options.dir, `${options.name}.json`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `strata-e2e-${options.name}-`));
  fs.chmodSync(workDir, 0o755);
  await exec(
    "npm",
    [
      "run",
      "--silent",
      "runner",
      "--",
      "register",
      "--url",
      options.url,
      "--token",
      options.registrationToken,
      "--name",
      options.name,
      "--executor",
      options.executor ?? "shell",
      ...(options.npus ? ["--npus", options.npus, "--npu-chip", options.npuChip ?? "910b"] : []),
      "--labels",
      options.labels,
      "--work-dir",
      workDir,
      "--config",
      configFile,
    ],
    { cwd: root },
  );
  const runner = startGroup(
    "npm",
    ["run", "--silent", "runner", "--", "run", "--config", configFile],
    options.env ?? process.env,
  );
  return {
    ...runner,
    name: options.name,
    configFile,
    stop: async () => {
      runner.signal("SIGTERM");
      await Promise.race([runner.exited, new Promise((r) => setTimeout(r, 5_000))]);
      runner.signal("SIGKILL");
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `check` returns something truthy, polling; after `timeoutMs` it throws, saying what
 * it waited for and what `context` reports (e.g. the job and the runners' output).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  options: { timeoutMs?: number; context?: () => Promise<string> | string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) {
      const context = options.context ? `\n${await options.context()}` : "";
      throw new Error(`Timed out waiting for ${what}.${context}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A port nothing listens on now, for a spec's own server. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type ServerProcess = GroupProcess & { url: string; stop: () => Promise<void> };

/**
 * A production server of its own (`scripts/server.mjs` on the existing build) on a throwaway data dir,
 * for tests that need settings the shared one does not have (e.g. a short job lease).
 */
export async function startServer(options: {
  port: number;
  dataDir: string;
  /** The data dir's database is already migrated (the server would migrate it at start anyway). */
  migrated?: boolean;
  env: Record<string, string>;
}): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(options.port),
    STRATA_DATA_DIR: options.dataDir,
    STRATA_PUBLIC_URL: url,
    ...options.env,
  };
  if (!options.migrated) {
    await exec(bin("tsx"), ["--conditions=react-server", "db/migrate.ts"], { cwd: root, env });
  }
  const server = startGroup(process.execPath, [path.join(root, "scripts", "server.mjs")], env);
  await waitFor(
    `the server on port ${options.port}`,
    async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok,
    { timeoutMs: 60_000 },
  ).catch((error: unknown) => {
    server.signal("SIGKILL");
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  });
  return {
    ...server,
    url,
    stop: async () => {
      server.signal("SIGTERM");
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5_000))]);
      server.signal("SIGKILL");
    },
  };
}

/** Whether a process is gone (a zombie counts: this container's PID 1 may not reap orphans). */
export function processGone(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}
