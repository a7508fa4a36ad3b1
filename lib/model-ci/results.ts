import "server-only";

import { listModelCiRows, type ModelCiRow, type ModelCiStatus } from "@/db/queries/model-ci";
import type { Caller } from "@/lib/auth/caller";
import type { RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";

import { environmentOf } from "./environments";

/** One environment run, with openMind's field names (`GET /api/v1/model/ci/{repo_id}`) and ours. */
export type ModelCiRecord = {
  id: number;
  run_id: number;
  status: ModelCiStatus;
  stop_reason: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  duration_seconds: number | null;
  hardware_version: "NPU" | "CPU";
  framework: string | null;
  framework_version: string | null;
  cann_version: string | null;
  python_version: string | null;
  openmind_version: string | null;
  /** The environment's title: "NPU · PyTorch 2.1.0 · CANN 8.0.RC2 · Python 3.9 · openMind 0.8.0". */
  environment: string;
  commit: string;
  image: string;
  job_id: number | null;
  log_url: string | null;
  created_by: string | null;
};

/** A row's status: recorded once it ended, else its job's live state. */
function statusOf(row: ModelCiRow): ModelCiStatus {
  if (row.finishedAt) return row.status;
  return row.jobState === "running" ? "running" : "queued";
}

function toRecord(row: ModelCiRow): ModelCiRecord {
  const env = environmentOf(row.image);
  const ended = row.finishedAt ?? row.jobFinishedAt;
  const started = row.startedAt;
  return {
    id: row.id,
    run_id: row.runId,
    status: statusOf(row),
    stop_reason: row.stopReason,
    created_at: row.createdAt.toISOString(),
    updated_at: (ended ?? started ?? row.createdAt).toISOString(),
    started_at: started?.toISOString() ?? null,
    duration_seconds:
      started && ended
        ? Math.max(0, Math.round((ended.getTime() - started.getTime()) / 1000))
        : null,
    hardware_version: row.hardware === "npu" ? "NPU" : "CPU",
    framework: env?.framework ?? null,
    framework_version: env?.frameworkVersion ?? null,
    cann_version: env?.cannVersion ?? null,
    python_version: env?.pythonVersion ?? null,
    openmind_version: env?.openmindVersion ?? null,
    environment: env?.title ?? row.image,
    commit: row.commit,
    image: row.image,
    job_id: row.jobId,
    log_url: row.jobId === null ? null : `/api/jobs/${row.jobId}/log`,
    created_by: row.createdByName,
  };
}

/** A model's CI results, newest first (404 for callers who may not read the model). */
export async function listModelCi(
  caller: Caller | null,
  address: Omit<RepoRef, "type">,
): Promise<{ total: number; model_ci: ModelCiRecord[] }> {
  const { repo } = await getRepo(caller, { ...address, type: "model" });
  const records = (await listModelCiRows(repo.id)).map(toRecord);
  return { total: records.length, model_ci: records };
}

/** The newest result per environment, for the header mark and the badge. */
export function latestPerEnvironment(records: ModelCiRecord[]): ModelCiRecord[] {
  const seen = new Map<string, ModelCiRecord>();
  for (const record of records) if (!seen.has(record.image)) seen.set(record.image, record);
  return [...seen.values()];
}
