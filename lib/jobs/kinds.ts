import type { JobResourceRef, JobResourceType } from "./job-resource";
import type { JobKind, JobState } from "./protocol";

/** What an `onFinished` hook learns about the job that ended. */
export type FinishedJob = {
  id: number;
  kind: JobKind;
  state: JobState;
  resource: JobResourceRef;
  spec: Record<string, unknown>;
  exitCode: number | null;
  failureReason: string | null;
  finishedAt: Date;
};

export type JobKindDefinition = {
  /** The default time limit of a job of this kind, in seconds. */
  timeoutSeconds: number;
  /**
   * Whether a job lost with its runner runs again (reference §7.10). Only idempotent work is
   * retried: builds and tests can simply run again, and restarting a Space app is what its owner
   * expects; an admin's one-off diagnostic script may not be safe to repeat.
   */
  retry: boolean;
  /** What a job of this kind may work on; access to the job is access to that resource. */
  resources: readonly JobResourceType[];
  /**
   * Runs after a job of this kind ended, whatever its final state. Durable: it is owed from the
   * moment the job ends (a column, not a callback in memory), so a server that restarts in between
   * still runs it, once. A hook that throws is retried later, so it must be idempotent.
   */
  onFinished?: (job: FinishedJob) => Promise<void>;
  /** Runs when a user's Retry (the job page, the API) made job `retryId` out of `job`. */
  onRetried?: (job: { id: number; resource: JobResourceRef }, retryId: number) => Promise<void>;
  /**
   * Variables added to the job's environment when a runner claims it, never stored with the job
   * (a Space's secrets, opened by the server). The runner passes them to the job like `spec.env`.
   */
  claimEnv?: (resource: JobResourceRef) => Promise<Record<string, string>>;
  /** Runs when a running job's service step reports its endpoint (the service answers). */
  onServing?: (job: { id: number; resource: JobResourceRef }) => Promise<void>;
};

function defineJobKind(definition: JobKindDefinition): JobKindDefinition {
  return definition;
}

const hour = 3600;

export const maxTimeoutSeconds = 7 * 24 * hour;

/**
 * Every job kind and its policy. Adding a kind: its name in `jobKinds` (db/schema/job-enums.ts)
 * and an entry here; its hook lives with the feature and is called through a closure, so this
 * module stays free of feature imports at load time.
 */
export const jobKindDefinitions: Record<JobKind, JobKindDefinition> = {
  "space-build": defineJobKind({
    timeoutSeconds: hour,
    retry: true,
    resources: ["repo"],
    onFinished: async (job) => {
      await (await import("@/lib/spaces/builds")).recordSpaceBuildFinished(job);
      await (await import("@/lib/spaces/runs")).runBuiltSpace(job);
    },
    onRetried: async (job, retryId) =>
      (await import("@/lib/spaces/builds")).followSpaceBuildRetry(job, retryId),
  }),
  // A Space app runs until stopped: the longest time limit there is, and a lease it keeps renewing.
  "space-run": defineJobKind({
    timeoutSeconds: maxTimeoutSeconds,
    retry: true,
    resources: ["repo"],
    onFinished: async (job) => (await import("@/lib/spaces/runs")).recordSpaceRunFinished(job),
    claimEnv: async (resource) =>
      resource.type === "repo"
        ? (await import("@/lib/spaces/runs")).spaceRunSecrets(resource.repoId)
        : {},
    onServing: async (job) =>
      job.resource.type === "repo"
        ? (await import("@/lib/spaces/runs")).promoteAnsweringRun({
            id: job.id,
            repoId: job.resource.repoId,
          })
        : undefined,
  }),
  // CI of one model, or site-wide CI an administrator starts (a model across the catalog's images).
  "model-ci": defineJobKind({
    timeoutSeconds: 2 * hour,
    retry: true,
    resources: ["repo", "system"],
    onFinished: async (job) => (await import("@/lib/model-ci/finish")).recordModelCiFinished(job),
  }),
  "image-build": defineJobKind({
    timeoutSeconds: 3 * hour,
    retry: true,
    resources: ["system", "owner"],
    onFinished: async (job) =>
      (await import("@/lib/images/build/run")).recordImageBuildFinished(job),
    onRetried: async (job, retryId) =>
      (await import("@/lib/images/build/run")).followImageBuildRetry(job, retryId),
  }),
  diagnostic: defineJobKind({ timeoutSeconds: 600, retry: false, resources: ["system"] }),
};

export const retryableJobKinds: readonly JobKind[] = (
  Object.keys(jobKindDefinitions) as JobKind[]
).filter((kind) => jobKindDefinitions[kind].retry);

/** Kinds with nothing to do when a job ends: their jobs owe no hook. */
export const hooklessJobKinds: readonly JobKind[] = (
  Object.keys(jobKindDefinitions) as JobKind[]
).filter((kind) => !jobKindDefinitions[kind].onFinished);

export function defaultMaxAttempts(kind: JobKind): number {
  return jobKindDefinitions[kind].retry ? 3 : 1;
}
