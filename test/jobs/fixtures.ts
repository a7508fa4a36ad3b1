// Helpers for the jobs tests: runners, jobs and claims on the real database.
import { insertRunner } from "@/db/queries/runners";
import { enqueueJob, type EnqueueJobInput } from "@/lib/jobs/enqueue";
import type { JobPayload, Labels } from "@/lib/jobs/protocol";
import { tryClaimJob } from "@/lib/jobs/request-job";
import { authenticateRunner } from "@/lib/jobs/runner-registry";
import { generateSecret, hashSecret } from "@/lib/jobs/secrets";

import { uniqueName } from "../factories";

export type TestRunner = { id: number; name: string; token: string };

export async function makeRunner(
  options: { labels?: Labels; capacity?: number; npus?: number[]; lastSeenAt?: Date } = {},
): Promise<TestRunner> {
  const token = generateSecret("runner");
  const runner = await insertRunner(
    {
      name: uniqueName("runner"),
      tokenHash: hashSecret(token),
      labels: options.labels ?? { hardware: "cpu", executor: "shell" },
      executor: "shell",
      capacity: options.capacity ?? 1,
      npuChip: options.npus?.length ? "910b" : null,
      npuDevices: options.npus ?? [],
      version: "test",
      platform: null,
    },
    options.lastSeenAt ?? new Date(),
  );
  return { ...runner, token };
}

function runnerRequest(runner: TestRunner): Request {
  return new Request("http://test/api/runner/jobs/request", {
    headers: { "Runner-Token": runner.token },
  });
}

/** One immediate claim attempt for the runner (no long poll). */
export async function claimFor(
  runner: TestRunner,
  busyNpus: number[] = [],
): Promise<JobPayload | null> {
  return tryClaimJob(await authenticateRunner(runnerRequest(runner)), busyNpus);
}

export async function queueScript(
  script: string,
  overrides: Partial<EnqueueJobInput> = {},
): Promise<number> {
  const { id } = await enqueueJob({
    kind: "diagnostic",
    spec: { steps: [{ type: "script", script }] },
    labels: { hardware: "cpu" },
    resource: { type: "system" },
    createdBy: null,
    ...overrides,
  });
  return id;
}
