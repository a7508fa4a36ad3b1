// Value lists of the jobs domain shared by the schema, validation, the runner protocol types and
// the UI (no drizzle imports here, so client components can use them).

export const jobKinds = [
  "space-build",
  "space-run",
  "model-ci",
  "image-build",
  "diagnostic",
] as const;
export type JobKind = (typeof jobKinds)[number];

export const jobStates = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "timed_out",
  "runner_lost",
] as const;
export type JobState = (typeof jobStates)[number];

/** States a job never leaves (a retry is a new job). */
export const finalJobStates = [
  "succeeded",
  "failed",
  "cancelled",
  "timed_out",
  "runner_lost",
] as const;

export const runnerExecutors = ["shell", "docker"] as const;
export type RunnerExecutor = (typeof runnerExecutors)[number];
/** What builds a runner's images: the docker engine, buildah (no daemon), or nothing. */
export const runnerBuilders = ["docker", "buildah", "none"] as const;
export type RunnerBuilder = (typeof runnerBuilders)[number];
