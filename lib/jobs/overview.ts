import "server-only";

import { listJobRecords, type JobRecord } from "@/db/queries/jobs";
import { listRunnerRecords, listRunningJobLoads, type RunnerRecord } from "@/db/queries/runners";
import type { JobState } from "@/db/schema/job-enums";

import { toJobView, type JobView } from "./job-view";
import type { JobKind, Labels, RunnerExecutor } from "./protocol";
import { getJobSettings } from "./settings";
import { explainWait, type RunnerCapacity } from "./wait-reason";

/** A runner as the admin page shows it. */
export type RunnerOverview = {
  id: number;
  name: string;
  status: "online" | "offline";
  embedded: boolean;
  labels: Labels;
  executor: RunnerExecutor;
  capacity: number;
  version: string;
  platform: string | null;
  npu: { chip: string | null; devices: number[]; used: number[]; free: number[] };
  currentJobs: { id: number; kind: JobKind; npuDevices: number[] }[];
  lastSeenAt: string;
  createdAt: string;
};

function isOnline(runner: RunnerRecord, now: Date): boolean {
  return now.getTime() - runner.lastSeenAt.getTime() <= getJobSettings().onlineWindowSeconds * 1000;
}

export async function listRunnersOverview(now = new Date()): Promise<RunnerOverview[]> {
  const [runners, loads] = await Promise.all([listRunnerRecords(), listRunningJobLoads()]);
  return runners.map((runner) => {
    const current = loads.filter((l) => l.runnerId === runner.id);
    const used = new Set(current.flatMap((l) => l.npuDevices));
    return {
      id: runner.id,
      name: runner.name,
      status: isOnline(runner, now) ? "online" : "offline",
      embedded: runner.embedded,
      labels: runner.labels,
      executor: runner.executor,
      capacity: runner.capacity,
      version: runner.version,
      platform: runner.platform,
      npu: {
        chip: runner.npuChip,
        devices: runner.npuDevices,
        used: runner.npuDevices.filter((d) => used.has(d)),
        free: runner.npuDevices.filter((d) => !used.has(d)),
      },
      currentJobs: current.map((l) => ({ id: l.jobId, kind: l.kind, npuDevices: l.npuDevices })),
      lastSeenAt: runner.lastSeenAt.toISOString(),
      createdAt: runner.createdAt.toISOString(),
    };
  });
}

export type JobListItem = JobView & { waitReason: string | null };

/** Jobs for the admin page, newest first; queued ones say why they wait. */
export async function listJobsOverview(filter: {
  states?: readonly JobState[];
  limit?: number;
  before?: number;
}): Promise<JobListItem[]> {
  const jobs = await listJobRecords({
    states: filter.states,
    limit: filter.limit ?? 50,
    before: filter.before,
  });
  const capacities = jobs.some((j) => j.state === "queued") ? await runnerCapacities() : [];
  return jobs.map((job) => ({
    ...toJobView(job),
    waitReason: job.state === "queued" ? explainWait(job, capacities) : null,
  }));
}

async function runnerCapacities(): Promise<RunnerCapacity[]> {
  return (await listRunnersOverview()).map((r) => ({
    name: r.name,
    online: r.status === "online",
    labels: r.labels,
    capacity: r.capacity,
    running: r.currentJobs.length,
    npuTotal: r.npu.devices.length,
    npuFree: r.npu.free.length,
  }));
}

/** One job as its page and `GET /api/jobs/{id}` show it: a queued one says why it waits. */
export async function jobDetailView(job: JobRecord): Promise<JobListItem> {
  const waitReason = job.state === "queued" ? explainWait(job, await runnerCapacities()) : null;
  return { ...toJobView(job), waitReason };
}
