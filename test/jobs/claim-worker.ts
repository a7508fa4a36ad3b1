// A worker thread with its own SQLite connection that runs several claimers: each claims a job
// as its runner, "runs" it briefly and reports success, until the queue is empty. Started by
// lib/jobs/claim-concurrency.test.ts.
import "server-only";

import { setImmediate as yieldToLoop } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";

import { closeDatabase } from "@/db/client";
import { claimNextJob, hasQueuedJobs } from "@/db/queries/job-claim";
import { finishJobAttempt } from "@/db/queries/job-runs";
import { hashSecret } from "@/lib/jobs/secrets";

type Input = { runnerIds: number[]; start: Int32Array; thread: number };
const { runnerIds, start, thread } = workerData as Input;

// Wait until every thread has loaded, so that all claimers start together.
Atomics.wait(start, 0, 0);

const claims: { jobId: number; runnerId: number; thread: number }[] = [];

async function claimer(runnerId: number): Promise<void> {
  for (;;) {
    const now = new Date();
    const job = await claimNextJob({
      runnerId,
      busyNpus: [],
      tokenHash: hashSecret(`${runnerId}-${now.getTime()}-${Math.random()}`),
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    if (!job) {
      if (!(await hasQueuedJobs())) return;
      await yieldToLoop();
      continue;
    }
    claims.push({ jobId: job.id, runnerId, thread });
    await yieldToLoop();
    await finishJobAttempt({
      jobId: job.id,
      attempt: job.attempt,
      outcome: "succeeded",
      exitCode: 0,
      reason: null,
      now: new Date(),
      retryableKinds: [],
      writeLog: () => {
        throw new Error("a successful finish writes no log");
      },
    });
  }
}

await Promise.all(runnerIds.map((id) => claimer(id)));
closeDatabase();
parentPort?.postMessage(claims);
