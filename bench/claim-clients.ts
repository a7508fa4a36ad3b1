// Child process of jobs-bench.ts: runner clients that loop request → finish over HTTP (or, with
// `nextInFinish`, take the next job from the finish answer) until the queue is empty, then report
// every job id they were handed. In a process of their own, the clients' HTTP work is not counted
// in the server's CPU figure (real runners are other processes, on other hosts). The parent sends
// the work, waits until every client process is loaded, then starts them all at once.
import { ProtocolClient } from "../runner/protocol-client";

type Input = { url: string; tokens: string[]; nextInFinish: boolean };
export type ClaimClientsResult = { claimed: number[]; seconds: number; cpuMs: number };

const send = (message: unknown) => process.send!(message);

const input = await new Promise<Input>((resolve) => {
  process.once("message", (message) => resolve(message as Input));
  send("loaded");
});
await new Promise((resolve) => process.once("message", resolve)); // "go"

const claimed: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(
  input.tokens.map(async (token) => {
    const client = new ProtocolClient(input.url, token);
    // As the runner agent does: poll once, then take each next job from the finish answer.
    let job = await client.requestJob({ waitSeconds: 0 });
    while (job) {
      claimed.push(job.id);
      const answer = await client.finish(job, {
        attempt: job.attempt,
        outcome: "succeeded",
        exitCode: 0,
        ...(input.nextInFinish ? { next: {} } : {}),
      });
      job =
        input.nextInFinish && "state" in answer
          ? (answer.next ?? null)
          : await client.requestJob({ waitSeconds: 0 });
    }
  }),
);
const cpu = process.cpuUsage(cpuBefore);
const result: ClaimClientsResult = {
  claimed,
  seconds: (performance.now() - started) / 1000,
  cpuMs: (cpu.user + cpu.system) / 1000,
};
send(result);
process.disconnect();
