import fs from "node:fs/promises";
import path from "node:path";

import type { JobStep } from "../../lib/jobs/protocol";
import { jobRegistryUser, registryOf } from "../executors/docker-args";
import { StepError, type StepContext, type StepResult } from "../executors/types";
import {
  authFile,
  buildahBudArgs,
  buildahPushArgs,
  buildIdRange,
  plainHttpRegistry,
  registriesConf,
} from "./buildah-args";

type BuildStep = Extract<JobStep, { type: "build" }>;

/** `target` resolved through every link, which must stay inside `dir` (also resolved). */
async function realPathInside(dir: string, target: string, what: string): Promise<string> {
  const [realDir, real] = await Promise.all([
    fs.realpath(dir),
    fs.realpath(target).catch(() => {
      throw new StepError(`The ${what} ${path.relative(dir, target)} does not exist.`);
    }),
  ]);
  if (real !== realDir && !real.startsWith(realDir + path.sep))
    throw new StepError(`The ${what} ${path.relative(dir, target)} leads out of the work dir.`);
  return real;
}

/**
 * Where a build reads from, checked as the runner (root) will read it: a job could have made
 * `src` a link to `/`, or its Dockerfile a link to a host file that the build error would print.
 */
async function buildInputs(ctx: StepContext, step: BuildStep) {
  const context = await realPathInside(
    ctx.dirs.work,
    path.resolve(ctx.dirs.work, step.context),
    "build context",
  );
  const dockerfile = await realPathInside(
    context,
    path.resolve(ctx.dirs.work, step.dockerfile ?? path.join(step.context, "Dockerfile")),
    "Dockerfile",
  );
  if (!(await fs.stat(dockerfile)).isFile())
    throw new StepError(`The Dockerfile ${step.dockerfile ?? "Dockerfile"} is not a file.`);
  return { context, dockerfile };
}

/**
 * Builds a build step's image with buildah and pushes it with the job's credential, for runners
 * without a docker engine.
 *
 * - Storage, auth file and registries configuration are in the job's root dir, which only the
 *   runner can write, so no step of the job can read the token file or swap an image.
 * - Nothing of the job runs while the build reads its files as root (`stopJobProcesses`), and the
 *   paths it reads are resolved first, so links cannot point the build at the host's files.
 * - With a slot uid (a root runner), `RUN` instructions run in a user namespace mapped to a uid range
 *   of the slot's own, never as host root; they share the host's network like shell jobs do.
 * - The credential is only in the auth file, never in an argument or the log.
 */
export async function runBuildahBuild(
  ctx: StepContext,
  step: BuildStep,
  slot: { uid: number; stopJobProcesses: () => Promise<void> } | null,
): Promise<StepResult> {
  await slot?.stopJobProcesses();
  const { context, dockerfile } = await buildInputs(ctx, step);
  const dir = path.join(ctx.dirs.root, "build");
  // Passable (not readable) by others: `RUN` processes, as unprivileged uids, chroot into the
  // image's root below it. The files with the credential in it are the runner's alone.
  await fs.mkdir(dir);
  await fs.chmod(dir, 0o711);
  const store = { root: path.join(dir, "storage"), runroot: path.join(dir, "run") };
  const files = {
    auth: path.join(dir, "auth.json"),
    registries: path.join(dir, "registries.conf"),
    digest: path.join(dir, "digest"),
  };
  const registry = registryOf(step.tag);
  await fs.writeFile(files.auth, authFile(registry, jobRegistryUser, ctx.job.token), {
    mode: 0o600,
  });
  const plainHttp = plainHttpRegistry(step.tag, ctx.job.serverUrl);
  await fs.writeFile(files.registries, registriesConf(plainHttp), { mode: 0o600 });
  await fs.mkdir(path.join(dir, "home"), { mode: 0o700 });
  // buildah mounts the image's root under TMPDIR: passable too.
  await fs.mkdir(path.join(dir, "tmp"));
  await fs.chmod(path.join(dir, "tmp"), 0o711);
  const command = {
    file: "buildah",
    cwd: dir,
    env: {
      PATH: process.env.PATH || "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      LANG: "C.UTF-8",
      HOME: path.join(dir, "home"),
      TMPDIR: path.join(dir, "tmp"),
      CONTAINERS_REGISTRIES_CONF: files.registries,
    },
    onOutput: ctx.output,
    signal: ctx.signal,
    killGraceMs: ctx.killGraceMs,
  };
  if (plainHttp) ctx.output(`[strata] ${plainHttp} is this hub's registry over plain HTTP\n`);
  const build = await ctx.run({
    ...command,
    args: buildahBudArgs({
      store,
      tag: step.tag,
      dockerfile,
      context,
      authFile: files.auth,
      ids: slot ? buildIdRange(slot.uid) : null,
      buildArgs: step.buildArgs,
    }),
  });
  if (build.exitCode !== 0 || !step.push) return build;
  ctx.output(`[strata] pushing ${step.tag} (job token)\n`);
  const push = await ctx.run({
    ...command,
    args: buildahPushArgs({ store, tag: step.tag, authFile: files.auth, digestFile: files.digest }),
  });
  if (push.exitCode === 0) {
    const digest = (await fs.readFile(files.digest, "utf8").catch(() => "")).trim();
    if (digest) ctx.output(`[strata] pushed ${step.tag} as ${digest}\n`);
  }
  return push;
}
