import type { JobKind } from "./protocol";

/**
 * Per-kind policy. Only idempotent kinds are requeued when their runner is lost (reference §7.10):
 * builds and tests can simply run again, and restarting a Space app is what its owner expects.
 * A diagnostic script is an admin's one-off command and may not be safe to repeat.
 */
export const retryableJobKinds: readonly JobKind[] = [
  "space-build",
  "space-run",
  "model-ci",
  "image-build",
];

export function defaultMaxAttempts(kind: JobKind): number {
  return retryableJobKinds.includes(kind) ? 3 : 1;
}

export const defaultTimeoutSeconds: Record<JobKind, number> = {
  "space-build": 3600,
  // A Space app runs until stopped; its "timeout" is how long it may run at all.
  "space-run": 7 * 24 * 3600,
  "model-ci": 2 * 3600,
  "image-build": 3 * 3600,
  diagnostic: 600,
};

export const maxTimeoutSeconds = 7 * 24 * 3600;
