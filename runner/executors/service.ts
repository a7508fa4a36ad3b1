import type { JobStep } from "../../lib/jobs/protocol";
import { waitUntilReady } from "../service-readiness";
import { StepError, type StepContext, type StepResult } from "./types";

type ServiceStep = Extract<JobStep, { type: "service" }>;

/** `host:port` for a URL; IPv6 addresses need brackets. */
function urlHost(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Runs a service step for either executor: takes a host port, starts the process with `start`
 * (which must stop it when its signal aborts), waits until it answers, reports its endpoint, then
 * lets it run until the job is stopped — or until it exits, which ends the step with its exit code
 * like a script step. A service that never gets ready is stopped and fails the step.
 */
export async function runService(
  ctx: StepContext,
  step: ServiceStep,
  start: (hostPort: number, signal: AbortSignal) => Promise<StepResult>,
): Promise<StepResult> {
  const { services } = ctx;
  let hostPort: number;
  try {
    hostPort = await services.ports.acquire();
  } catch (error) {
    throw new StepError(`The service could not get a port: ${(error as Error).message}.`);
  }
  // Stops the service when it never gets ready, without stopping the job's other machinery.
  const notReady = new AbortController();
  const exited = new AbortController();
  try {
    const running = start(hostPort, AbortSignal.any([ctx.signal, notReady.signal]));
    running.then(
      () => exited.abort(),
      () => exited.abort(),
    );
    const ready = await waitUntilReady(
      { port: hostPort, readyPath: step.readyPath },
      { timeoutMs: services.readyTimeoutMs, signal: AbortSignal.any([ctx.signal, exited.signal]) },
    );
    if (ready) {
      const url = `http://${urlHost(services.advertiseHost, hostPort)}`;
      ctx.output(`[strata] service ready at ${url}\n`);
      await ctx.reportEndpoint(url);
    } else if (!ctx.signal.aborted && !exited.signal.aborted) {
      notReady.abort();
      await running.catch(() => {});
      const what = step.readyPath ? `answer GET ${step.readyPath}` : "accept connections";
      throw new StepError(
        `The service did not ${what} within ${Math.ceil(services.readyTimeoutMs / 1000)} s (host port ${hostPort}); it was stopped.`,
      );
    }
    return await running;
  } finally {
    services.ports.release(hostPort);
  }
}
