import fs from "node:fs/promises";
import path from "node:path";

import { baseEnv } from "../job-env";
import { StepError, type Executor } from "./types";

/**
 * Runs script steps with bash on the host, in the job's work dir, with a scrubbed environment, in
 * a process group of their own (see `spawnInProcessGroup`). NPU ids are passed on as
 * `ASCEND_RT_VISIBLE_DEVICES`, which the CANN runtime honours; the host gives no harder isolation.
 */
export const shellExecutor: Executor = {
  name: "shell",
  async runStep({ job, step, index, dirs, env, output, signal, run, killGraceMs }) {
    if (step.type !== "script") {
      throw new StepError(
        "This runner uses the shell executor and cannot build images; label the job executor=docker.",
      );
    }
    if (step.image ?? job.spec.image) {
      throw new StepError(
        "This runner uses the shell executor and cannot run a container image; label the job executor=docker.",
      );
    }
    const script = path.join(dirs.scripts, `step-${index + 1}.sh`);
    await fs.writeFile(script, step.script, { mode: 0o600 });
    const npuEnv: Record<string, string> = job.npuDevices.length
      ? { ASCEND_RT_VISIBLE_DEVICES: job.npuDevices.join(",") }
      : {};
    return run({
      file: "bash",
      args: ["--noprofile", "--norc", "-eo", "pipefail", script],
      cwd: dirs.work,
      env: { ...baseEnv(dirs), ...env, ...npuEnv },
      onOutput: output,
      signal,
      killGraceMs,
    });
  },
};
