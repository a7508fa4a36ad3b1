// Worker thread of jobs-bench.ts: 20 runner clients loop request → finish over HTTP (or, with
// `nextInFinish`, take the next job from the finish answer) until the
// queue is empty, then report every job id they were handed. In a thread of their own, the clients'
// HTTP work does not share the server's event loop (real runners are other processes, on other hosts).
import { parentPort, workerData } from "node:worker_threads";

import { ProtocolClient } from "../runner/protocol-client";

type Input = { url: string; tokens: string[]; nextInFinish: boolean };
const { url, tokens, nextInFinish } = workerData as Input;

const claimed: number[] = [];
const started = performance.now();
await Promise.all(
  tokens.map(async (token) => {
    const client = new ProtocolClient(url, token);
    // As the runner agent does: poll once, then take each next job from the finish answer.
    let job = await client.requestJob({ waitSeconds: 0 });
    while (job) {
      claimed.push(job.id);
      const answer = await client.finish(job, {
        attempt: job.attempt,
        outcome: "succeeded",
        exitCode: 0,
        ...(nextInFinish ? { next: {} } : {}),
      });
      job =
        nextInFinish && "state" in answer
          ? (answer.next ?? null)
          : await client.requestJob({ waitSeconds: 0 });
    }
  }),
);
parentPort!.postMessage({ claimed, seconds: (performance.now() - started) / 1000 });
