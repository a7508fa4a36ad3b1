import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

import { listJobRecords } from "@/db/queries/jobs";

import { makeRunner, queueScript } from "@/test/jobs/fixtures";

/**
 * better-sqlite3 is synchronous, so claimers inside one thread would simply take turns and the
 * test could not fail. Instead 5 worker threads, each with its own SQLite connection to the same
 * database file, run 4 claimers each (20 runners in all) — real parallel transactions that contend
 * for the write lock exactly as several server processes would.
 */
const threads = 5;
const claimersPerThread = 4;
const jobCount = 200;

type Claim = { jobId: number; runnerId: number; thread: number };

function runWorker(runnerIds: number[], start: Int32Array, thread: number): Promise<Claim[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      path.join(import.meta.dirname, "../../test/jobs/claim-worker-boot.mjs"),
      {
        workerData: {
          module: path.join(import.meta.dirname, "../../test/jobs/claim-worker.ts"),
          runnerIds,
          start,
          thread,
        },
        execArgv: ["--conditions=react-server"],
      },
    );
    worker.once("message", (claims: Claim[]) => resolve(claims));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
}

describe("claiming under concurrency", () => {
  it(`runs each of ${jobCount} jobs exactly once with ${threads * claimersPerThread} concurrent claimers`, async () => {
    const labels = { hardware: "cpu", pool: "race" };
    const runners: { id: number }[] = [];
    for (let i = 0; i < threads * claimersPerThread; i++)
      runners.push(await makeRunner({ labels, capacity: 1 }));
    const jobIds: number[] = [];
    for (let i = 0; i < jobCount; i++) jobIds.push(await queueScript(`echo ${i}`, { labels }));

    const start = new Int32Array(new SharedArrayBuffer(4));
    const running = Array.from({ length: threads }, (_, t) =>
      runWorker(
        runners.slice(t * claimersPerThread, (t + 1) * claimersPerThread).map((r) => r.id),
        start,
        t,
      ),
    );
    // Give the threads time to load, then release them together.
    await new Promise((r) => setTimeout(r, 1_500));
    Atomics.store(start, 0, 1);
    Atomics.notify(start, 0);
    const claims = (await Promise.all(running)).flat();

    expect(claims).toHaveLength(jobCount);
    expect(new Set(claims.map((c) => c.jobId)).size).toBe(jobCount);
    expect(new Set(claims.map((c) => c.jobId))).toEqual(new Set(jobIds));
    // The work really was spread over the threads (otherwise nothing raced).
    expect(new Set(claims.map((c) => c.thread)).size).toBeGreaterThan(1);

    const jobs = await listJobRecords({ limit: 1000 });
    const ours = jobs.filter((j) => jobIds.includes(j.id));
    expect(ours.every((j) => j.state === "succeeded" && j.attempt === 1)).toBe(true);
  }, 120_000);
});
