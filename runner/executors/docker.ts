import fs from "node:fs/promises";
import path from "node:path";

import type { JobStep } from "../../lib/jobs/protocol";
import { baseEnv } from "../job-env";
import {
  dockerBuildArgs,
  dockerLoginArgs,
  dockerPushArgs,
  dockerRunArgs,
  dockerStopArgs,
  jobRegistryUser,
  registryOf,
} from "./docker-args";
import { runService } from "./service";
import { StepError, type Executor, type StepContext, type StepResult } from "./types";

function insideWorkDir(work: string, relative: string): string {
  const resolved = path.resolve(work, relative);
  if (resolved !== work && !resolved.startsWith(work + path.sep)) {
    throw new StepError(`The path ${relative} leaves the work dir.`);
  }
  return resolved;
}

/**
 * The docker CLI's own environment: basics, a per-job DOCKER_CONFIG (so a `docker login` with the
 * job token lives and dies with the job and never lands in the runner user's ~/.docker), and the
 * job's variables, which `docker run -e NAME` forwards by name.
 */
function dockerEnv(ctx: StepContext): Record<string, string> {
  return { ...baseEnv(ctx.dirs), DOCKER_CONFIG: path.join(ctx.dirs.root, "docker"), ...ctx.env };
}

/** Runs a script or service step's script in its image; a service's port is published on the host. */
async function runContainer(
  ctx: StepContext,
  step: Extract<JobStep, { type: "script" | "service" }>,
  signal: AbortSignal,
  publish?: { hostPort: number; port: number },
): Promise<StepResult> {
  const image = step.image ?? ctx.job.spec.image;
  if (!image)
    throw new StepError(
      `A docker runner runs ${step.type} steps in an image; the step names none.`,
    );
  const ownCommand = step.type === "service" && step.imageCommand === true;
  const scriptName = ownCommand ? null : `step-${ctx.index + 1}.sh`;
  if (scriptName) {
    await fs.writeFile(path.join(ctx.dirs.scripts, scriptName), step.script, { mode: 0o644 });
  }
  const containerName = `strata-job-${ctx.job.id}-${ctx.job.attempt}-${ctx.index + 1}`;
  // Inside its container a service listens on the port it asked for; docker maps the host port.
  const env = { ...dockerEnv(ctx), ...(publish ? { PORT: String(publish.port) } : {}) };
  // Killing the docker CLI does not stop the container; stop it by name, then the CLI's group.
  const onAbort = () =>
    void ctx.run({
      file: "docker",
      args: dockerStopArgs(containerName, Math.ceil(ctx.killGraceMs / 1000)),
      env,
      cwd: ctx.dirs.root,
    });
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await ctx.run({
      file: "docker",
      args: dockerRunArgs({
        image,
        containerName,
        workDir: ctx.dirs.work,
        scriptDir: ctx.dirs.scripts,
        scriptName,
        npuDevices: ctx.job.npuDevices,
        envNames: [...new Set([...Object.keys(ctx.env), ...(publish ? ["PORT"] : [])])],
        publish,
        limits: step.type === "service" ? step.container : undefined,
      }),
      env,
      cwd: ctx.dirs.root,
      onOutput: ctx.output,
      signal,
      killGraceMs: ctx.killGraceMs + 5_000,
    });
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

async function runBuild(
  ctx: StepContext,
  step: Extract<JobStep, { type: "build" }>,
): Promise<StepResult> {
  const env = dockerEnv(ctx);
  const base = {
    env,
    cwd: ctx.dirs.work,
    onOutput: ctx.output,
    signal: ctx.signal,
    killGraceMs: ctx.killGraceMs,
  };
  if (step.push) {
    ctx.output(`[strata] docker login ${registryOf(step.tag)} (job token)\n`);
    const login = await ctx.run({
      ...base,
      file: "docker",
      args: dockerLoginArgs(registryOf(step.tag), jobRegistryUser),
      stdin: ctx.job.token,
    });
    if (login.exitCode !== 0) return login;
  }
  const context = insideWorkDir(ctx.dirs.work, step.context);
  const dockerfile = insideWorkDir(
    ctx.dirs.work,
    step.dockerfile ?? path.join(step.context, "Dockerfile"),
  );
  const build = await ctx.run({
    ...base,
    file: "docker",
    args: dockerBuildArgs({
      tag: step.tag,
      dockerfile,
      context,
      buildArgs: step.buildArgs,
      noCache: step.noCache,
    }),
  });
  if (build.exitCode !== 0 || !step.push) return build;
  return ctx.run({ ...base, file: "docker", args: dockerPushArgs(step.tag) });
}

/**
 * Runs script steps with `docker run` in the step's image (the Ascend devices the server allocated
 * mapped in), service steps the same way with their port published on a host port, and build steps
 * with `docker build` + `docker push` authenticated by the job token.
 */
export const dockerExecutor: Executor = {
  name: "docker",
  runStep(ctx) {
    const { step } = ctx;
    switch (step.type) {
      case "script":
        return runContainer(ctx, step, ctx.signal);
      case "service":
        return runService(ctx, step, (hostPort, signal) =>
          runContainer(ctx, step, signal, { hostPort, port: step.port }),
        );
      case "build":
        return runBuild(ctx, step);
      case "python-env":
        throw new StepError(
          "A docker runner runs code in its image, which holds its Python packages; python-env steps are for shell runners.",
        );
    }
  },
};
