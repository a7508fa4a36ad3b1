import "server-only";

import { finishModelCiRow, type ModelCiStatus } from "@/db/queries/model-ci";
import type { FinishedJob } from "@/lib/jobs/kinds";

import { requirementsFailedExitCode } from "./job-spec";

/** openMind's status and our reason for a job's final state. */
function outcomeOf(job: FinishedJob): { status: ModelCiStatus; stopReason: string | null } {
  switch (job.state) {
    case "succeeded":
      return { status: "success", stopReason: null };
    case "cancelled":
      return { status: "stopped", stopReason: "stopped" };
    case "timed_out":
      return { status: "failed", stopReason: "timeout" };
    case "runner_lost":
      return { status: "failed", stopReason: "runner_lost" };
    default:
      return {
        status: "failed",
        stopReason: job.exitCode === requirementsFailedExitCode ? "requirements_failed" : null,
      };
  }
}

/** The `model-ci` kind's onFinished hook: records the environment run's outcome (idempotent). */
export async function recordModelCiFinished(job: FinishedJob): Promise<void> {
  await finishModelCiRow(job.id, outcomeOf(job), job.finishedAt);
}
