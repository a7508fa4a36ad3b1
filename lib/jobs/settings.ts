import "server-only";

import { getConfig } from "@/lib/config";

/**
 * Timing and size limits of the job system. Defaults follow `reference/runners.md` §7; the two an
 * operator (or an integration test) may want to change come from the configuration
 * (`STRATA_JOB_LEASE_SECONDS`, `STRATA_RUNNER_POLL_SECONDS`), the rest follow from them.
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

const globalForSettings = globalThis as unknown as { strataJobSettings?: JobSettings };

export function getJobSettings(): JobSettings {
  if (!globalForSettings.strataJobSettings) {
    // The two operator settings are validated with the rest of the configuration (lib/config.ts).
    const { leaseSeconds, pollSeconds } = getConfig().jobs;
    globalForSettings.strataJobSettings = {
      leaseSeconds,
      pollTimeoutSeconds: pollSeconds,
      pollRecheckMs: 2_000,
      reaperIntervalMs: Math.min(10_000, (leaseSeconds * 1000) / 4),
      onlineWindowSeconds: Math.max(90, pollSeconds * 3),
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
