import fs from "node:fs/promises";
import path from "node:path";

import type { RunnerBuilder } from "../../lib/jobs/protocol";
import { runBuildahBuild } from "../builders/buildah";
import { baseEnv } from "../job-env";
import { handDirsTo, removeDirsAs, type JobUser } from "../job-user";
import { PythonEnvCache } from "../python-env-cache";
import { defaultShellLimits, limitsPrologue, type ShellLimits } from "../shell-limits";
import { defaultUidBase, SlotUsers } from "../slot-users";
import { runPythonEnvStep } from "./python-env-step";
import { runService } from "./service";
import { StepError, type Executor } from "./types";

export type ShellExecutorOptions = {
  /**
   * Run jobs unprivileged (see `resolveJobUser`); null = as the runner itself. Each concurrent job
   * gets a uid of its own, `uidBase + slot`, with this user's group (see `SlotUsers`).
   */
  user?: JobUser | null;
  /** The first per-slot uid (default 20000). */
  uidBase?: number;
  limits?: ShellLimits;
  /** What builds images for build steps: buildah, or nothing (such jobs never reach this runner). */
  builder?: RunnerBuilder;
  /**
   * Where Python environments are kept between jobs (`python-env` steps); default `python-envs`
   * beside the job dirs. Must be this runner's alone.
   */
  envCacheDir?: string;
};

/**
 * Runs script and service steps with bash on the host, build steps with buildah (`runBuildahBuild`), in the job's work dir, with a scrubbed
 * environment, under resource limits (`shell-limits.ts`), as an unprivileged user when the runner
 * may switch, in a process group of their own (see `spawnInProcessGroup`). NPU ids are passed on as
 * `ASCEND_RT_VISIBLE_DEVICES`, which the CANN runtime honours; the host gives no harder isolation.
 */
export function createShellExecutor(options: ShellExecutorOptions = {}): Executor {
  const base = options.user ?? null;
  const limits = options.limits ?? defaultShellLimits;
  const slots = base
    ? new SlotUsers({
        uidBase: options.uidBase ?? defaultUidBase,
        // The group of a named user (e.g. HwHiAiUser for the NPUs); nobody's group is nothing to keep.
        gid: base.name === "nobody" ? undefined : base.gid,
        name: base.name,
      })
    : null;
  // The slot user of each running job, by its dirs (one set per job).
  const users = new Map<string, JobUser>();
  const envCaches = new Map<string, PythonEnvCache>();
  const envCacheFor = (dirs: { root: string }) => {
    const dir = options.envCacheDir ?? path.join(path.dirname(dirs.root), "python-envs");
    if (!envCaches.has(dir)) envCaches.set(dir, new PythonEnvCache(dir));
    return envCaches.get(dir)!;
  };
  return {
    name: "shell",
    ...(slots
      ? {
          prepareDirs: async (dirs) => {
            const user = await slots.acquire();
            users.set(dirs.root, user);
            await handDirsTo(user, dirs);
          },
          releaseDirs: async (dirs) => {
            const user = users.get(dirs.root);
            if (!user) return;
            users.delete(dirs.root);
            // Everything of the job dies first (also what left its process group), then its files.
            await slots.release(user, () => removeDirsAs(user, dirs));
          },
        }
      : {}),
    async runStep(ctx) {
      const { job, step, index, dirs, env, output, run, killGraceMs } = ctx;
      const user = users.get(dirs.root) ?? null;
      if (slots && !user) throw new Error("the job's dirs were not prepared for a slot user");
      if (step.type === "build") {
        if (options.builder !== "buildah")
          throw new StepError(
            "This runner has no image builder; register it with --builder buildah (or a docker runner).",
          );
        return runBuildahBuild(
          ctx,
          step,
          user && slots
            ? { uid: user.uid, stopJobProcesses: () => slots.stopProcesses(user) }
            : null,
        );
      }
      if (step.type !== "python-env" && (step.image ?? job.spec.image)) {
        throw new StepError(
          "This runner uses the shell executor and cannot run a container image; label the job executor=docker.",
        );
      }
      // Owned by the runner in a dir the job cannot write: the job may read its script, not swap it.
      const script = path.join(dirs.scripts, `step-${index + 1}.sh`);
      const writeScript = async (text: string) => {
        await fs.writeFile(script, text, { mode: 0o600, flag: "wx" });
        // Explicitly, not by the create mode: a umask (the server's 077 for the embedded runner) would narrow it.
        if (user) await fs.chmod(script, 0o644);
      };
      const npuEnv: Record<string, string> = job.npuDevices.length
        ? { ASCEND_RT_VISIBLE_DEVICES: job.npuDevices.join(",") }
        : {};
      const bash = ["bash", "--noprofile", "--norc"];
      // The limits are set by a first bash, which then becomes the script's bash (exec).
      const launcher = `${limitsPrologue(limits, job.timeoutSeconds)}\nexec ${bash.join(" ")} -eo pipefail "$0"`;
      const launch = (extraEnv: Record<string, string>, signal: AbortSignal) =>
        run({
          file: "bash",
          args: [...bash.slice(1), "-c", launcher, script],
          cwd: dirs.work,
          env: { ...baseEnv(dirs), ...env, ...npuEnv, ...extraEnv },
          ...(user ? { uid: user.uid, gid: user.gid } : {}),
          onOutput: output,
          signal,
          killGraceMs,
        });
      if (step.type === "python-env")
        return runPythonEnvStep({
          ctx,
          step,
          cache: envCacheFor(dirs),
          user,
          stopJobProcesses: async () => {
            if (user && slots) await slots.stopProcesses(user);
          },
          launch: async (text) => {
            await writeScript(text);
            return launch({}, ctx.signal);
          },
        });
      await writeScript(step.script);
      // On the host, two jobs' services share the network: each listens on a host port of its own
      // (its PORT), not on the `port` it asked for.
      if (step.type === "service")
        return runService(ctx, step, (hostPort, signal) =>
          launch({ PORT: String(hostPort) }, signal),
        );
      return launch({}, ctx.signal);
    },
  };
}

/** Jobs as the runner's own user, with the default limits (tests and non-root runners). */
export const shellExecutor: Executor = createShellExecutor();
