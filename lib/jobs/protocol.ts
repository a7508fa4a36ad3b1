/**
 * The runner protocol's wire types. The runner agent (`runner/`) imports this file with
 * `import type` only, so it must stay free of runtime code the runner would need: types, no values.
 * The server validates every body with the zod schemas in `protocol-schemas.ts`, which are checked
 * against these types.
 */

import type { JobKind, JobState, RunnerBuilder, RunnerExecutor } from "@/db/schema/job-enums";
import type { Labels } from "@/lib/runtime/labels";

/** `Labels`: `key=value`; a job's required labels must all be present, with equal values, on the runner. */
export type { JobKind, JobState, Labels, RunnerBuilder, RunnerExecutor };

/** Header names, as types, so that the runner spells them exactly like the server. */
export type RunnerTokenHeader = "Runner-Token";
export type JobTokenHeader = "Job-Token";

type NpuInventory = {
  /** Chip model as `npu-smi info` reports it, e.g. `910b`. */
  chip: string | null;
  /** The `N` of each `/dev/davinciN` this runner may hand to jobs. */
  devices: number[];
};

// ─── Registration ────────────────────────────────────────────────────────────────────────────

export type RunnerDeclaration = {
  labels: Labels;
  executor: RunnerExecutor;
  /** How many jobs the runner runs at once. */
  capacity: number;
  npu: NpuInventory;
  version: string;
  platform?: string;
};

export type RegisterRequest = RunnerDeclaration & {
  /** The registration token an admin created. */
  token: string;
  name: string;
};

export type RegisterResponse = {
  id: number;
  name: string;
  /** The runner token: sent as `Runner-Token` on every call. Shown once, stored hashed. */
  token: string;
};

/** `POST /api/runner/heartbeat`: the runner is alive; re-declares its capabilities when given. */
export type RunnerHeartbeatRequest = Partial<RunnerDeclaration>;
export type RunnerHeartbeatResponse = { id: number; name: string; pollTimeoutSeconds: number };

// ─── Job request (long poll) ─────────────────────────────────────────────────────────────────

export type JobRequestBody = {
  /**
   * NPU device ids the runner is using right now by its own account. The server never hands these
   * out, even if its records say they are free (e.g. a job it gave up on is still being killed).
   */
  busyNpus?: number[];
  /** Seconds to hold the request when there is no job (capped by the server). */
  waitSeconds?: number;
};

/** A step the runner executes, in order; the first failing step ends the job. */
export type JobStep =
  | {
      type: "script";
      name?: string;
      /** A bash script. Run on the host (shell executor) or in `image` (docker executor). */
      script: string;
      image?: string;
    }
  | {
      type: "build";
      name?: string;
      /** Build context, relative to the job's work dir. */
      context: string;
      /** Dockerfile path relative to the work dir; default `<context>/Dockerfile`. */
      dockerfile?: string;
      /** Full image reference, e.g. `hub.example.com/spaces/alice/demo:abc123`. */
      tag: string;
      push: boolean;
      /** `--build-arg NAME=value` for each entry (a Space's variables; never secrets). */
      buildArgs?: Record<string, string>;
      /** Reuse no cached layer: a factory rebuild starts from the base image. */
      noCache?: boolean;
    }
  | {
      /**
       * Shell runners: a Python virtualenv at `.venv` in the work dir with the packages of
       * `requirements` (a file relative to the work dir) installed, kept on the runner for `key`
       * (a Space) and reused by its later jobs while the file and the host's Python stay the same.
       * Nothing when the file is missing or lists nothing. Docker runners refuse it: there the
       * image holds the packages.
       */
      type: "python-env";
      name?: string;
      /** Whose environments these are, e.g. `space-12`; one key's are never another's. */
      key: string;
      requirements: string;
    }
  | {
      /**
       * A long-running process (e.g. a Space's app) that listens on `port` inside its environment.
       * It runs until the job is cancelled or times out; once it answers, the runner reports its
       * endpoint. Only the last step of a spec may be a service.
       */
      type: "service";
      name?: string;
      /** A bash script that starts the server in the foreground (`PORT` holds the port to listen on). */
      script: string;
      image?: string;
      /**
       * Run the image's own entrypoint and command, in its own working dir, instead of `script`
       * (a docker Space's app, whose Dockerfile says how it starts). Needs `image`.
       */
      imageCommand?: true;
      port: number;
      /** Ready when an HTTP GET of this path answers below 500; else when the port accepts TCP. */
      readyPath?: string;
      /**
       * The container's limits (docker executor): memory, CPUs, and a read-only root filesystem
       * with a private /tmp, for apps that write only there and under /workspace.
       */
      container?: { memoryMb?: number; cpus?: number; readOnly?: boolean };
    };

export type JobSpec = {
  /** Default image for script steps that name none (docker executor). */
  image?: string;
  env?: Record<string, string>;
  steps: JobStep[];
};

/** What a job token may do besides reporting on its own job. */
export type JobGrants = {
  /** Repositories the job may clone, e.g. `spaces/alice/demo`. */
  clone?: string[];
  /** Image repositories the job may push, e.g. `spaces/alice/demo`. */
  push?: string[];
};

export type JobPayload = {
  id: number;
  /** 1 for the first run; each requeue after a lost runner adds one. */
  attempt: number;
  kind: JobKind;
  spec: JobSpec;
  /** Sent as `Job-Token` on the job's calls; also the password for clone/push within `grants`. */
  token: string;
  grants: JobGrants;
  /** The `/dev/davinciN` ids allocated to this job by the server. */
  npuDevices: number[];
  timeoutSeconds: number;
  /** Renew the lease (heartbeat) well within this many seconds. */
  leaseSeconds: number;
  /** Where this attempt's log starts (earlier attempts' output comes before it). */
  logOffset: number;
  /** The server's public URL, for clone and push inside the job. */
  serverUrl: string;
};

// ─── Running a job ───────────────────────────────────────────────────────────────────────────

export type JobHeartbeatResponse = {
  /** Stop the job now: a user cancelled it, the server timed it out, or it is no longer yours. */
  cancel: boolean;
  /** Why to stop: `ended` = the attempt is over on the server (finished, requeued, runner removed). */
  reason: "cancelled" | "timed_out" | "ended" | null;
  state: JobState;
  leaseUntil: string | null;
};

/**
 * `PATCH /api/runner/jobs/{id}/log` with `Content-Range: <start>-<end inclusive>` and the raw bytes.
 * 202 with this body (and `Range: 0-<size>`), or 416 with the same shape when `start` is not the
 * current size; the runner resumes from `size`.
 */
export type LogAppendResponse = { size: number; cancel: boolean };

export type JobOutcome = "succeeded" | "failed" | "cancelled" | "timed_out" | "handed_back";

export type FinishRequest = {
  attempt: number;
  outcome: JobOutcome;
  exitCode?: number | null;
  reason?: string | null;
  /** Bytes of log the runner sent in total (from offset 0); the server answers 412 if it has fewer. */
  logSize?: number;
  /**
   * The runner has a free slot after this job: the server may claim its next job in the same round
   * trip (answered in `next`) instead of waiting for the next poll. Servers that do not know this
   * field ignore it; the runner then simply polls.
   */
  next?: Pick<JobRequestBody, "busyNpus">;
};

/** `next`: the claimed next job (null: none now) when the request asked for one. */
export type FinishResponse = { state: JobState; logSize: number; next?: JobPayload | null };

/** `POST /api/runner/jobs/{id}/endpoint`: where the job's service answers, while the attempt runs. */
export type EndpointRequest = { attempt: number; url: string };
export type EndpointResponse = { url: string };

/** The error body of every protocol call. */
export type ProtocolError = { error: string; code: string; size?: number };
