import type { JobRecord } from "@/db/queries/jobs";

import type { JobKind, JobSpec, JobState, JobStep, Labels } from "./protocol";

/** A job as scripts and pages see it: no token, no script bodies, no environment values. */
export type JobView = {
  id: number;
  kind: JobKind;
  state: JobState;
  attempt: number;
  maxAttempts: number;
  labels: Labels;
  npuCount: number;
  npuDevices: number[];
  timeoutSeconds: number;
  runner: { id: number | null; name: string } | null;
  createdBy: { id: number; name: string } | null;
  resource: { type: string; id: string | null };
  retryOf: number | null;
  steps: { type: JobStep["type"]; name: string | null; image: string | null }[];
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  exitCode: number | null;
  failureReason: string | null;
  cancelRequested: boolean;
  logSize: number;
  /**
   * Where the job's service step answers while it runs (e.g. `http://10.0.0.5:20000`). Every
   * JobView is built for a caller who may read the job (loadJobFor / loadJobForPage / admin lists).
   */
  endpoint: string | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summariseSteps(spec: Record<string, unknown>): JobView["steps"] {
  const { steps, image } = spec as Partial<JobSpec>;
  return (steps ?? []).map((step) => ({
    type: step.type,
    name: step.name ?? null,
    image:
      step.type === "build"
        ? step.tag
        : step.type === "python-env"
          ? null
          : (step.image ?? image ?? null),
  }));
}

export function toJobView(job: JobRecord): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    labels: job.requiredLabels,
    npuCount: job.npuCount,
    npuDevices: job.npuDevices,
    timeoutSeconds: job.timeoutSeconds,
    runner: job.runnerName ? { id: job.runnerId, name: job.runnerName } : null,
    createdBy:
      job.createdBy !== null && job.createdByName
        ? { id: job.createdBy, name: job.createdByName }
        : null,
    resource: { type: job.resourceType, id: job.resourceId },
    retryOf: job.retryOf,
    steps: summariseSteps(job.spec),
    queuedAt: job.queuedAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    exitCode: job.exitCode,
    failureReason: job.failureReason,
    cancelRequested: !!job.cancelRequestedAt,
    logSize: job.logSize,
    endpoint: job.endpoint,
  };
}
