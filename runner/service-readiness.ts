import net from "node:net";

import { sleep } from "./backoff";

function acceptsTcp(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function answersHttp(port: number, path: string, timeoutMs: number): Promise<boolean> {
  try {
    // A redirect (to a login page, say) is an answer: the app is up.
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Polls a service on this host until its port accepts TCP connections and, with `readyPath`, an
 * HTTP GET of it answers below 500 (an app often listens before it can serve, e.g. while a model
 * loads). True when ready; false on timeout or when `signal` aborts (the process exited, the job
 * was stopped).
 */
export async function waitUntilReady(
  target: { port: number; readyPath?: string },
  options: { timeoutMs: number; signal: AbortSignal; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (!options.signal.aborted && Date.now() < deadline) {
    const ready =
      (await acceptsTcp(target.port, 1_000)) &&
      (target.readyPath === undefined || (await answersHttp(target.port, target.readyPath, 5_000)));
    if (ready && !options.signal.aborted) return true;
    await sleep(options.intervalMs ?? 200, options.signal);
  }
  return false;
}
