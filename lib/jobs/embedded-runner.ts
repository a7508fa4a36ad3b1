import "server-only";

import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { findRunnerByTokenHash, insertRunner } from "@/db/queries/runners";
import { getConfig } from "@/lib/config";
import type { Labels, RunnerBuilder } from "@/lib/jobs/protocol";
import { hostArchLabel } from "@/lib/runtime/labels";
import { detectBuilder } from "@/runner/builders/detect";
import type { RunnerConfig } from "@/runner/config";

import { generateSecret, hashSecret } from "./secrets";

/**
 * The embedded runner: the server starts the ordinary runner agent (`runner/main.ts run`) as a
 * child process, registered automatically, shell executor, labels hardware=cpu, so a fresh install
 * runs CPU jobs without any setup.
 *
 * A child process rather than in-process, because:
 * - it gets a scrubbed environment: none of the server's secrets (auth secret, OAuth keys) are in
 *   the process that runs user scripts, and jobs' env is scrubbed again by the executor;
 * - a runaway job or a crash in the agent cannot stall or take down the web server's event loop,
 *   and the supervisor below restarts it;
 * - it speaks the real HTTP protocol, so it is exactly what remote runners are — one code path.
 */

const globalForRunner = globalThis as unknown as {
  strataEmbeddedRunner?: { child: ChildProcess | null; stopping: boolean };
};

export function embeddedRunnerConfigPath(): string {
  return path.join(getConfig().dataDir, "runner", "embedded-runner.json");
}

/**
 * Where the embedded runner's job dirs go: a per-data-dir folder in the system temp dir (ids start
 * at 1 in every database, so the folder must tell data dirs apart). Not under the data dir: when
 * the server runs as root, jobs run as an unprivileged user, who must be able to reach its work dir
 * and must not be able to pass through the data dir (database, repositories).
 */
function embeddedRunnerWorkDir(): string {
  return path.join(os.tmpdir(), `strata-embedded-${dataDirTag()}`);
}

function dataDirTag(): string {
  return createHash("sha256").update(getConfig().dataDir).digest("hex").slice(0, 12);
}

/**
 * Builds images too when buildah is installed (`npm run up` installs it where apt is usable); the
 * operator's extra labels (`STRATA_EMBEDDED_RUNNER_LABELS`) come first, so they cannot change
 * what the runner is (its executor and hardware).
 */
function embeddedLabels(builder: RunnerBuilder): Labels {
  return {
    ...getConfig().embeddedRunnerLabels,
    executor: "shell",
    hardware: "cpu",
    ...(builder === "none" ? {} : { builder }),
    ...hostArchLabel(),
  };
}
const embeddedConcurrency = 2;

/** The runner registered at an earlier start, while its token still works. */
async function registeredRunner(
  file: string,
): Promise<Pick<RunnerConfig, "id" | "name" | "token"> | null> {
  try {
    const existing = JSON.parse(fs.readFileSync(file, "utf8")) as RunnerConfig;
    if (await findRunnerByTokenHash(hashSecret(existing.token))) return existing;
  } catch {
    // Missing, unreadable, or its runner was removed: register afresh.
  }
  return null;
}

/**
 * Reuses the runner registered at an earlier start, or registers a new one (no registration token
 * needed), and writes its config afresh, so a changed port or work dir takes effect.
 */
export async function ensureEmbeddedRunnerConfig(now = new Date()): Promise<string> {
  const file = embeddedRunnerConfigPath();
  const builder = detectBuilder("shell");
  let runner = await registeredRunner(file);
  if (!runner) {
    const token = generateSecret("runner");
    const inserted = await insertRunner(
      {
        name: `embedded-${os.hostname()}`.slice(0, 63).replace(/[^A-Za-z0-9._-]/g, "-"),
        tokenHash: hashSecret(token),
        labels: embeddedLabels(builder),
        executor: "shell",
        capacity: embeddedConcurrency,
        npuChip: null,
        npuDevices: [],
        version: "embedded",
        platform: `${process.platform}/${process.arch}`,
        embedded: true,
      },
      now,
    );
    runner = { ...inserted, token };
  }
  const workDir = embeddedRunnerWorkDir();
  const config: RunnerConfig = {
    url: `http://127.0.0.1:${getConfig().port}`,
    id: runner.id,
    name: runner.name,
    token: runner.token,
    labels: embeddedLabels(builder),
    executor: "shell",
    builder,
    concurrency: embeddedConcurrency,
    npu: { chip: null, devices: [] },
    workDir,
    // Its own uid range per data dir, so that servers sharing a host do not share job uids.
    shell: { uidBase: 2_000_000 + (parseInt(dataDirTag(), 16) % 100_000) * 10 },
    shutdownGraceSeconds: 10,
    pollSeconds: getConfig().jobs.pollSeconds,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // The server's umask (077) would make the work dir private to it; jobs run as other uids and
  // must pass through it to their own dirs (the runner makes those private per job).
  fs.mkdirSync(workDir, { recursive: true });
  fs.chmodSync(workDir, 0o711);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  fs.renameSync(temp, file);
  return file;
}

/** Only what the agent needs to run: no server secrets reach the process that runs user code. */
function childEnv(): Record<string, string> {
  const pick = ["PATH", "HOME", "LANG", "TZ", "NODE_ENV"] as const;
  return Object.fromEntries(
    pick.flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])),
  );
}

function pipeLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  let buffered = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (text: string) => {
    const lines = (buffered + text).split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line) write(line);
  });
}

/**
 * Starts the embedded runner unless `STRATA_EMBEDDED_RUNNER` is off. Idempotent; restarts the
 * child with a growing delay if it exits; stops it when the server exits.
 */
export function startEmbeddedRunner(): void {
  if (!getConfig().embeddedRunner || globalForRunner.strataEmbeddedRunner) return;
  const state: { child: ChildProcess | null; stopping: boolean } = { child: null, stopping: false };
  globalForRunner.strataEmbeddedRunner = state;
  let restarts = 0;

  const launch = async () => {
    if (state.stopping) return;
    let configFile: string;
    try {
      configFile = await ensureEmbeddedRunnerConfig();
    } catch (error) {
      console.error("[strata] embedded runner: could not register:", error);
      return scheduleRestart();
    }
    const startedAt = Date.now();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(process.cwd(), "runner", "main.ts"),
        "run",
        "--config",
        configFile,
        "--exit-with-parent",
      ],
      {
        cwd: process.cwd(),
        env: childEnv() as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
        // A process group of its own: a signal to the server's group (a supervisor's SIGKILL)
        // must not take the runner down before it stops its jobs, or a Space app it started would
        // live on with nobody to stop it. It notices the server is gone (--exit-with-parent).
        detached: true,
      },
    );
    state.child = child;
    pipeLines(child.stdout, (line) => console.log(line));
    pipeLines(child.stderr, (line) => console.error(line));
    child.on("exit", (code, signal) => {
      state.child = null;
      if (state.stopping) return;
      console.error(`[strata] embedded runner exited (${signal ?? `code ${code}`}); restarting`);
      if (Date.now() - startedAt > 60_000) restarts = 0;
      scheduleRestart();
    });
  };
  const scheduleRestart = () => {
    const delay = Math.min(60_000, 1_000 * 2 ** restarts++);
    setTimeout(() => void launch(), delay).unref();
  };

  process.once("exit", () => stopEmbeddedRunner());
  void launch();
}

export function stopEmbeddedRunner(): void {
  const state = globalForRunner.strataEmbeddedRunner;
  if (!state) return;
  state.stopping = true;
  state.child?.kill("SIGTERM");
  delete globalForRunner.strataEmbeddedRunner;
}
