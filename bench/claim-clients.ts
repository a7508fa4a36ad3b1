// Worker thread of jobs-bench.ts: 20 runner clients loop request → finish over HTTP until the
// queue is empty, then report every job id they were handed. In a thread of their own, the clients'
// HTTP work does not share the server's event loop (real runners are other processes, on other hosts).
import { parentPort, workerData } from "node:worker_threads";

import { ProtocolClient } from "../runner/protocol-client";

type Input = { url: string; tokens: string[] };
const { url, tokens } = workerData as Input;

const claimed: number[] = [];
const started = performance.now();
await Promise.all(
  tokens.map(async (token) => {
    const client = new ProtocolClient(url, token);
    for (;;) {
      const job = await client.requestJob({ waitSeconds: 0 });
      if (!job) return;
      claimed.push(job.id);
      await client.finish(job, { attempt: job.attempt, outcome: "succeeded", exitCode: 0 });
    }
  }),
);
parentPort!.postMessage({ claimed, seconds: (performance.now() - started) / 1000 });
