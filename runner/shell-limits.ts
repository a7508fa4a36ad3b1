import os from "node:os";

/**
 * Resource limits for shell jobs, applied with bash's `ulimit` (setrlimit) before the job's script
 * starts, so every process of the job inherits them. They are per process (CPU time, open files,
 * file size) or per user (processes), not per job: they stop runaway work — a busy loop, a fork
 * bomb, a file that fills the disk — not a determined tenant. The docker executor is the isolated one.
 */
export type ShellLimits = {
  /**
   * CPU seconds per process; `null` = the job's timeout × the host's cores, so a job a crashed
   * runner left behind still ends. A number caps it further.
   */
  cpuSeconds: number | null;
  openFiles: number;
  /** Processes of the user the job runs as (all its jobs together when that user is shared). */
  processes: number;
  /** Largest file a job may write, in MiB. */
  fileSizeMb: number;
};

export const defaultShellLimits: ShellLimits = {
  cpuSeconds: null,
  openFiles: 4096,
  processes: 4096,
  fileSizeMb: 20 * 1024,
};

const positiveInt = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value > 0;

/** Merges a config file's `shell.limits` over the defaults; throws on a value that is not a positive integer. */
export function parseShellLimits(raw: unknown): ShellLimits {
  if (raw === undefined || raw === null) return defaultShellLimits;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new Error('shell.limits must be an object such as { "openFiles": 4096 }.');
  }
  const limits = { ...defaultShellLimits };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in defaultShellLimits)) {
      throw new Error(
        `Unknown shell limit "${key}"; use ${Object.keys(defaultShellLimits).join(", ")}.`,
      );
    }
    if (key === "cpuSeconds" && value === null) continue;
    if (!positiveInt(value))
      throw new Error(`shell.limits.${key} must be a positive whole number.`);
    (limits as Record<string, number | null>)[key] = value;
  }
  return limits;
}

/**
 * A bash prologue that sets the limits (soft and hard, so the job cannot raise them again) and
 * disables core dumps (they would hold the job token). A limit above the runner's own hard limit
 * is lowered to it instead of failing. Every value is an integer, so nothing here comes from the job.
 */
export function limitsPrologue(limits: ShellLimits, timeoutSeconds: number): string {
  const cpu = limits.cpuSeconds ?? timeoutSeconds * Math.max(1, os.availableParallelism());
  const settings: [string, number][] = [
    ["-t", cpu],
    ["-n", limits.openFiles],
    ["-u", limits.processes],
    // bash counts -f in KiB.
    ["-f", limits.fileSizeMb * 1024],
    ["-c", 0],
  ];
  for (const [, value] of settings) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Bad limit ${value}.`);
  }
  return [
    'lim() { local hard; hard=$(ulimit -H "$1") || return 1; if [ "$hard" != unlimited ] && [ "$hard" -lt "$2" ]; then ulimit "$1" "$hard"; else ulimit "$1" "$2"; fi; }',
    ...settings.map(
      ([flag, value]) =>
        `lim ${flag} ${value} || { echo "[strata] could not set ulimit ${flag} ${value}" >&2; exit 125; }`,
    ),
  ].join("\n");
}
