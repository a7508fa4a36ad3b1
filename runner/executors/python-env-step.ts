import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import type { JobStep } from "../../lib/jobs/protocol";
import { baseEnv } from "../job-env";
import type { JobUser } from "../job-user";
import type { PythonEnvCache } from "../python-env-cache";
import { StepError, type StepContext, type StepResult } from "./types";

const exec = promisify(execFile);

/** Where a job finds its environment: `.venv` in its work dir. */
const jobEnvDir = ".venv";

/** A requirements file lists something when a line is neither blank nor a comment. */
const listsRequirements = (text: string) => /^[ \t]*[^#\s]/m.test(text);

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** Runs `file` as the job would (its user, its PATH): the job's files are read with its rights. */
async function asJob(
  ctx: StepContext,
  user: JobUser | null,
  file: string,
  args: string[],
): Promise<string> {
  const { stdout } = await exec(file, args, {
    cwd: ctx.dirs.work,
    env: baseEnv(ctx.dirs) as NodeJS.ProcessEnv,
    maxBuffer: 1024 * 1024,
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  return stdout;
}

/**
 * A `python-env` step: the key's published environment for these requirements and this Python
 * when the runner has one, else a fresh one installed by the job (as the job's user, under its
 * limits) and then published for the next jobs. `launch` runs a script as the job's step does.
 */
export async function runPythonEnvStep(input: {
  ctx: StepContext;
  step: Extract<JobStep, { type: "python-env" }>;
  cache: PythonEnvCache;
  user: JobUser | null;
  /** Kills what the job still runs, so nothing of it races the runner in its work dir. */
  stopJobProcesses: () => Promise<void>;
  launch: (script: string) => Promise<StepResult>;
}): Promise<StepResult> {
  const { ctx, step, cache, user } = input;
  const say = (line: string) => ctx.output(`[strata] ${line}\n`);
  const requirements = await asJob(ctx, user, "cat", ["--", step.requirements]).catch(() => null);
  if (requirements === null || !listsRequirements(requirements)) {
    say(`${step.requirements} lists no packages: no Python environment is needed`);
    return { exitCode: 0, signal: null };
  }
  const python = await asJob(ctx, user, "python3", [
    "-c",
    "import sys; print(sys.executable, sys.version)",
  ]).catch(() => {
    throw new StepError("This runner has no python3; install it to run Python apps.");
  });
  const hash = createHash("sha256")
    .update(`${python.trim()}\n${requirements}`)
    .digest("hex")
    .slice(0, 32);
  const target = path.join(ctx.dirs.work, jobEnvDir);
  const owner = user ? { uid: user.uid, gid: user.gid } : null;
  await input.stopJobProcesses();
  await fs.rm(target, { recursive: true, force: true });
  if (await cache.checkout(step.key, hash, target, owner)) {
    say(`reusing the Python environment ${hash.slice(0, 12)} (same requirements and Python)`);
    return { exitCode: 0, signal: null };
  }
  say(`installing ${step.requirements} into a new Python environment ${hash.slice(0, 12)}`);
  const result = await input.launch(
    [
      `python3 -m venv ${quote(target)}`,
      // From the file's dir, as the app would: relative paths in it are relative to there.
      `cd ${quote(path.dirname(step.requirements))}`,
      `${quote(`${target}/bin/python`)} -m pip install --no-cache-dir --disable-pip-version-check -r ${quote(path.basename(step.requirements))}`,
    ].join("\n"),
  );
  // A failed install is never published: it goes with the job's dir.
  if (result.exitCode !== 0 || ctx.signal.aborted) return result;
  await input.stopJobProcesses();
  await cache.publish(step.key, hash, target);
  if (!(await cache.checkout(step.key, hash, target, owner))) {
    throw new StepError("The Python environment was removed while it was being published.");
  }
  say(`kept the Python environment ${hash.slice(0, 12)} for the next runs`);
  return result;
}
