import "server-only";

import { z } from "zod";

import { ConfigError } from "@/lib/config";

/**
 * Timing and size limits of the job system. Defaults follow `reference/runners.md` §7; the two an
 * operator (or an integration test) may want to change are read from the environment.
 */
export type JobSettings = {
  /** A running job whose lease is older than this is considered lost. */
  leaseSeconds: number;
  /** How long `request` holds a poll open when there is no job. */
  pollTimeoutSeconds: number;
  /** How often a waiting poll re-checks the database (jobs enqueued by another server instance). */
  pollRecheckMs: number;
  reaperIntervalMs: number;
  /** A runner counts as online when it was seen within this window. */
  onlineWindowSeconds: number;
  /** Extra time the server grants past a job's own timeout before it marks it timed out. */
  timeoutGraceSeconds: number;
  /** Queued jobs that no runner picked up within this time fail. */
  queueTimeoutSeconds: number;
  logChunkMaxBytes: number;
  logMaxBytes: number;
};

const envSchema = z.object({
  STRATA_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  STRATA_RUNNER_POLL_SECONDS: z.coerce.number().int().min(1).max(55).default(30),
});

const globalForSettings = globalThis as unknown as { strataJobSettings?: JobSettings };

export function getJobSettings(): JobSettings {
  if (!globalForSettings.strataJobSettings) {
    const present = Object.fromEntries(
      Object.entries(process.env).filter(([key, value]) => key in envSchema.shape && value !== ""),
    );
    const parsed = envSchema.safeParse(present);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
    }
    const lease = parsed.data.STRATA_JOB_LEASE_SECONDS;
    globalForSettings.strataJobSettings = {
      leaseSeconds: lease,
      pollTimeoutSeconds: parsed.data.STRATA_RUNNER_POLL_SECONDS,
      pollRecheckMs: 2_000,
      reaperIntervalMs: Math.min(10_000, (lease * 1000) / 4),
      onlineWindowSeconds: Math.max(90, parsed.data.STRATA_RUNNER_POLL_SECONDS * 3),
      timeoutGraceSeconds: 60,
      queueTimeoutSeconds: 24 * 3600,
      logChunkMaxBytes: 1024 * 1024,
      logMaxBytes: 64 * 1024 * 1024,
    };
  }
  return globalForSettings.strataJobSettings;
}

/** Tests shorten the lease or the poll without touching the environment. */
export function setJobSettingsForTests(overrides: Partial<JobSettings>): void {
  globalForSettings.strataJobSettings = { ...getJobSettings(), ...overrides };
}
