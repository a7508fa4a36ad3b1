import type {
  EndpointRequest,
  EndpointResponse,
  FinishRequest,
  FinishResponse,
  JobHeartbeatResponse,
  JobPayload,
  JobRequestBody,
  JobTokenHeader,
  LogAppendResponse,
  ProtocolError,
  RegisterRequest,
  RegisterResponse,
  RunnerHeartbeatRequest,
  RunnerHeartbeatResponse,
  RunnerTokenHeader,
} from "../lib/jobs/protocol";
import type { UploadAnswer } from "./job-log";

const runnerTokenHeader: RunnerTokenHeader = "Runner-Token";
const jobTokenHeader: JobTokenHeader = "Job-Token";

/** A response the server gave, with its status; anything else (network, DNS) is a plain Error. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly body: Partial<ProtocolError>,
  ) {
    super(body.error ?? `HTTP ${status}`);
  }
  /** The server says this credential or job is not (or no longer) valid: retrying will not help. */
  get isFinal(): boolean {
    return [400, 401, 403, 404, 409, 413, 422].includes(this.status);
  }
}

/** Worth retrying later: the server is down, restarting or overloaded. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof HttpError) || error.status >= 500 || error.status === 429;
}

type Call = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: Buffer;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/** The runner side of `/api/runner/…` (see lib/jobs/protocol.ts). */
export class ProtocolClient {
  constructor(
    private readonly baseUrl: string,
    private readonly runnerToken: string | null = null,
  ) {}

  private async call(call: Call): Promise<Response> {
    // The caller's signal may abort the wait for an answer, but not the reading of one that has
    // arrived: a job the server already handed out must not be dropped half-read.
    const waiting = new AbortController();
    const abort = () => waiting.abort();
    call.signal?.addEventListener("abort", abort, { once: true });
    if (call.signal?.aborted) abort();
    const signal = AbortSignal.any([AbortSignal.timeout(call.timeoutMs ?? 30_000), waiting.signal]);
    try {
      return await this.send(call, signal);
    } finally {
      call.signal?.removeEventListener("abort", abort);
    }
  }

  private async send(call: Call, signal: AbortSignal): Promise<Response> {
    return fetch(new URL(call.path, this.baseUrl), {
      method: call.method,
      headers: {
        ...(call.raw
          ? { "Content-Type": "application/octet-stream" }
          : { "Content-Type": "application/json" }),
        // Answers are a few hundred bytes of JSON: compressing them costs the server more CPU
        // than it saves on the wire (it was a tenth of the server's time per claim).
        "Accept-Encoding": "identity",
        ...call.headers,
      },
      body: call.raw
        ? new Uint8Array(call.raw)
        : call.body === undefined
          ? undefined
          : JSON.stringify(call.body),
      signal,
    });
  }

  private async json<T>(response: Response, ok: number[]): Promise<T> {
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // A proxy's or another server's HTML error page.
      body = { error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    if (!ok.includes(response.status))
      throw new HttpError(response.status, body as Partial<ProtocolError>);
    return body as T;
  }

  private get runnerHeaders(): Record<string, string> {
    return this.runnerToken ? { [runnerTokenHeader]: this.runnerToken } : {};
  }

  async register(body: RegisterRequest): Promise<RegisterResponse> {
    return this.json(
      await this.call({ method: "POST", path: "/api/runner/register", body }),
      [201],
    );
  }

  async heartbeat(body: RunnerHeartbeatRequest = {}): Promise<RunnerHeartbeatResponse> {
    return this.json(
      await this.call({
        method: "POST",
        path: "/api/runner/heartbeat",
        headers: this.runnerHeaders,
        body,
      }),
      [200],
    );
  }

  /** The long poll: a job, or null when none came within `waitSeconds`. */
  async requestJob(body: JobRequestBody, signal?: AbortSignal): Promise<JobPayload | null> {
    const response = await this.call({
      method: "POST",
      path: "/api/runner/jobs/request",
      headers: this.runnerHeaders,
      body,
      signal,
      timeoutMs: ((body.waitSeconds ?? 30) + 15) * 1000,
    });
    if (response.status === 204) return null;
    return this.json<JobPayload>(response, [201]);
  }

  async jobHeartbeat(job: JobPayload): Promise<JobHeartbeatResponse> {
    const response = await this.call({
      method: "POST",
      path: `/api/runner/jobs/${job.id}/heartbeat`,
      headers: { ...this.runnerHeaders, [jobTokenHeader]: job.token },
    });
    return this.json(response, [200]);
  }

  async appendLog(job: JobPayload, start: number, bytes: Buffer): Promise<UploadAnswer> {
    const response = await this.call({
      method: "PATCH",
      path: `/api/runner/jobs/${job.id}/log`,
      headers: {
        ...this.runnerHeaders,
        [jobTokenHeader]: job.token,
        "Content-Range": `${start}-${start + bytes.length - 1}`,
      },
      raw: bytes,
      timeoutMs: 60_000,
    });
    if (response.status === 416) {
      const body = await this.json<LogAppendResponse>(response, [416]);
      return { status: "offset_mismatch", size: body.size };
    }
    if (response.status === 413) return { status: "full" };
    if ([401, 403, 404, 409].includes(response.status)) return { status: "closed" };
    const body = await this.json<LogAppendResponse>(response, [202]);
    return { status: "accepted", size: body.size, cancel: body.cancel };
  }

  /** The final word on an attempt; `{ missingFrom }` when the server wants log bytes first (412). */
  async finish(
    job: JobPayload,
    body: FinishRequest,
  ): Promise<FinishResponse | { missingFrom: number }> {
    const response = await this.call({
      method: "POST",
      path: `/api/runner/jobs/${job.id}/finish`,
      headers: { ...this.runnerHeaders, [jobTokenHeader]: job.token },
      body,
    });
    if (response.status === 412)
      return { missingFrom: (await this.json<{ size: number }>(response, [412])).size };
    return this.json(response, [200]);
  }

  /** Where the job's service answers (the server keeps it while the attempt runs). */
  async reportEndpoint(job: JobPayload, body: EndpointRequest): Promise<EndpointResponse> {
    const response = await this.call({
      method: "POST",
      path: `/api/runner/jobs/${job.id}/endpoint`,
      headers: { ...this.runnerHeaders, [jobTokenHeader]: job.token },
      body,
    });
    return this.json(response, [200]);
  }
}
