import type { FinishRequest, FinishResponse, JobPayload } from "../lib/jobs/protocol";
import { backoffDelay, sleep } from "./backoff";
import type { JobLog } from "./job-log";
import { isTransient, type ProtocolClient } from "./protocol-client";

/**
 * Flushes the log, then sends the outcome, retrying with backoff while the server is unreachable
 * (up to `giveUpMs`; after that the server's reaper settles the job). A 412 means the server lacks
 * log bytes: they are resent from its size, then the outcome again. The server's answer, or null
 * when the outcome could not be reported.
 */
export async function reportOutcome(
  client: ProtocolClient,
  job: JobPayload,
  log: JobLog,
  body: Omit<FinishRequest, "logSize">,
  giveUpMs = 10 * 60_000,
): Promise<FinishResponse | null> {
  const deadline = Date.now() + giveUpMs;
  for (let failures = 0; Date.now() < deadline;) {
    await log.flush(deadline);
    try {
      const answer = await client.finish(job, { ...body, logSize: log.serverSize });
      if (!("missingFrom" in answer)) return answer;
      log.rewindTo(answer.missingFrom);
    } catch (error) {
      if (!isTransient(error)) return null; // requeued or removed: nothing to report to
      await sleep(backoffDelay(++failures, { baseMs: 1_000, maxMs: 60_000 }));
    }
  }
  return null;
}

/** Gives a job back without running it (the server requeues it if its kind allows). */
export async function handBackJob(
  client: ProtocolClient,
  job: JobPayload,
  reason: string,
): Promise<void> {
  await client
    .finish(job, { attempt: job.attempt, outcome: "handed_back", exitCode: null, reason })
    .catch(() => {});
}

/**
 * Tells the server where the job's service answers, retrying while the server is unreachable until
 * the job stops. A refusal (the attempt ended) is only logged: the heartbeat stops the job then.
 */
export async function reportEndpoint(
  client: ProtocolClient,
  job: JobPayload,
  log: JobLog,
  url: string,
  signal: AbortSignal,
): Promise<void> {
  for (let failures = 0; !signal.aborted;) {
    try {
      await client.reportEndpoint(job, { attempt: job.attempt, url });
      return;
    } catch (error) {
      if (!isTransient(error)) {
        log.write(`[strata] the server refused the endpoint: ${(error as Error).message}\n`);
        return;
      }
      await sleep(backoffDelay(++failures, { baseMs: 1_000, maxMs: 30_000 }), signal);
    }
  }
}
