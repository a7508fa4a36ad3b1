import "server-only";

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/**
 * The one way Strata runs git: `spawn` with an argument array (never a shell), a minimal
 * environment (none of the server's secrets, no inherited `GIT_*`, no user or system config) and
 * options that make output machine-readable.
 */

export type GitInvocation = {
  gitDir: string;
  args: string[];
  /** Extra environment, e.g. GIT_INDEX_FILE or author identity. */
  env?: Record<string, string>;
};

export class GitError extends Error {
  override name = "GitError";
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.slice(0, 2).join(" ")} failed (${exitCode ?? "killed"}): ${stderr.trim().slice(0, 500)}`,
    );
  }
}

const baseArgs = ["-c", "core.quotePath=false", "--no-replace-objects", "--literal-pathspecs"];

export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LC_ALL: "C",
    TZ: "UTC",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "/bin/false",
    ...extra,
  };
}

export function gitArgs({ gitDir, args }: GitInvocation): string[] {
  return [...baseArgs, `--git-dir=${gitDir}`, ...args];
}

export function spawnGit(invocation: GitInvocation): ChildProcessWithoutNullStreams {
  return spawn("git", gitArgs(invocation), {
    env: gitEnv(invocation.env) as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
    windowsHide: true,
  });
}

export type RunOptions = GitInvocation & {
  input?: string | Uint8Array;
  /** Refuse (and kill git) once stdout grows past this many bytes. */
  maxOutput?: number;
  /** Exit codes that are not failures (e.g. 1 for "not found" in some commands). */
  okExitCodes?: number[];
};

export type RunResult = { stdout: Buffer; stderr: string; exitCode: number };

const defaultMaxOutput = 64 * 1024 * 1024;

/** Runs git to completion and collects its (bounded) output. Rejects with GitError on failure. */
export function runGit(options: RunOptions): Promise<RunResult> {
  const maxOutput = options.maxOutput ?? defaultMaxOutput;
  const ok = new Set([0, ...(options.okExitCodes ?? [])]);
  return new Promise((resolve, reject) => {
    const child = spawnGit(options);
    const out: Buffer[] = [];
    let outSize = 0;
    let err = "";
    let overflow = false;
    child.stdout.on("data", (chunk: Buffer) => {
      outSize += chunk.length;
      if (outSize > maxOutput) {
        overflow = true;
        child.kill("SIGKILL");
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 64 * 1024) err += chunk.toString("utf8");
    });
    child.on("error", reject);
    // EPIPE when git exits before reading all input is reported through the exit code instead.
    child.stdin.on("error", () => {});
    child.on("close", (code) => {
      if (overflow) {
        reject(new GitError(options.args, code, `output larger than ${maxOutput} bytes`));
      } else if (code !== null && ok.has(code)) {
        resolve({ stdout: Buffer.concat(out), stderr: err, exitCode: code });
      } else {
        reject(new GitError(options.args, code, err));
      }
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs git and returns its stdout as trimmed text. */
export async function gitText(options: RunOptions): Promise<string> {
  const { stdout } = await runGit(options);
  return stdout.toString("utf8").trim();
}
