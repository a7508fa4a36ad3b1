// A ProtocolClient stand-in that records what a job reports, for executor and job-run tests.
import type { EndpointRequest, FinishRequest, JobPayload } from "@/lib/jobs/protocol";
import type { UploadAnswer } from "@/runner/job-log";
import type { ProtocolClient } from "@/runner/protocol-client";

export class FakeClient {
  log = Buffer.alloc(0);
  finished: FinishRequest[] = [];
  endpoints: EndpointRequest[] = [];
  heartbeats = 0;
  cancel = false;

  appendLog(_job: JobPayload, start: number, bytes: Buffer): Promise<UploadAnswer> {
    if (start !== this.log.length)
      return Promise.resolve({ status: "offset_mismatch", size: this.log.length });
    this.log = Buffer.concat([this.log, bytes]);
    return Promise.resolve({ status: "accepted", size: this.log.length, cancel: this.cancel });
  }

  jobHeartbeat() {
    this.heartbeats += 1;
    const reason = this.cancel ? ("cancelled" as const) : null;
    return Promise.resolve({
      cancel: this.cancel,
      reason,
      state: "running" as const,
      leaseUntil: null,
    });
  }

  finish(_job: JobPayload, body: FinishRequest) {
    this.finished.push(body);
    const state = body.outcome === "succeeded" ? ("succeeded" as const) : ("failed" as const);
    return Promise.resolve({ state, logSize: this.log.length });
  }

  reportEndpoint(_job: JobPayload, body: EndpointRequest) {
    this.endpoints.push(body);
    return Promise.resolve({ url: body.url });
  }

  asClient(): ProtocolClient {
    return this as unknown as ProtocolClient;
  }
}

export function payload(overrides: Partial<JobPayload> = {}): JobPayload {
  return {
    id: 42,
    attempt: 1,
    kind: "model-ci",
    spec: { steps: [{ type: "script", script: "echo hi" }] },
    token: "strjob_" + "t".repeat(43),
    grants: {},
    npuDevices: [],
    timeoutSeconds: 60,
    leaseSeconds: 120,
    logOffset: 0,
    serverUrl: "http://hub.test",
    ...overrides,
  };
}
