import { describe, expect, it } from "vitest";

import { POST as endpointRoute } from "@/app/api/runner/jobs/[id]/endpoint/route";
import { POST as finishRoute } from "@/app/api/runner/jobs/[id]/finish/route";
import { reapOverdueJobs } from "@/db/queries/job-reaper";
import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";

import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";
import { call, jsonRequest } from "@/test/jobs/routes";

import { findJobEndpoint } from "./job-endpoint";
import { toJobView } from "./job-view";
import { reapJobs } from "./reaper";
import { getJobSettings } from "./settings";

const service = { type: "service" as const, script: "python3 -m http.server $PORT", port: 8080 };

async function runningServiceJob(pool: string, kind: "diagnostic" | "model-ci" = "diagnostic") {
  const labels = { hardware: "cpu", executor: "shell", pool };
  const runner = await makeRunner({ labels });
  const id = await queueScript("", {
    kind,
    spec: { steps: [service] },
    labels: { hardware: "cpu", pool },
  });
  const job = (await claimFor(runner))!;
  expect(job.id).toBe(id);
  const headers = { "Job-Token": job.token, "Runner-Token": runner.token };
  const post = (path: string, route: typeof endpointRoute, body: unknown) =>
    call(route, jsonRequest(`/api/runner/jobs/${id}/${path}`, body, { headers }), {
      id: String(id),
    });
  return {
    id,
    attempt: job.attempt,
    report: (body: unknown) => post("endpoint", endpointRoute, body),
    finish: (body: unknown) => post("finish", finishRoute, body),
  };
}

describe("POST /api/runner/jobs/{id}/endpoint", () => {
  it("stores the running attempt's URL, shows it in the job view, and clears it when the job ends", async () => {
    const job = await runningServiceJob("endpoint-finish");
    const url = "http://10.0.0.5:20001";
    const response = await job.report({ attempt: job.attempt, url });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url });
    expect(await findJobEndpoint(job.id)).toBe(url);
    expect(toJobView((await findJobRecord(job.id))!).endpoint).toBe(url);

    const finished = await job.finish({ attempt: job.attempt, outcome: "failed", exitCode: 1 });
    expect(finished.status).toBe(200);
    expect((await findJobRecord(job.id))!.endpoint).toBeNull();
    expect(await findJobEndpoint(job.id)).toBeNull();
    // The attempt is over: a late report is refused and stores nothing.
    expect((await job.report({ attempt: job.attempt, url })).status).toBe(409);
    expect((await findJobRecord(job.id))!.endpoint).toBeNull();
  });

  it("clears the endpoint when the job is handed back and requeued", async () => {
    // model-ci jobs are retried after a lost or departing runner.
    const job = await runningServiceJob("endpoint-requeue", "model-ci");
    expect((await job.report({ attempt: job.attempt, url: "http://h:1" })).status).toBe(200);
    await job.finish({ attempt: job.attempt, outcome: "handed_back" });
    expect(await findJobRecord(job.id)).toMatchObject({ state: "queued", endpoint: null });
  });

  it("hides the endpoint from the proxy once a cancel is requested", async () => {
    const job = await runningServiceJob("endpoint-cancel");
    await job.report({ attempt: job.attempt, url: "http://h:2" });
    await requestJobCancel(job.id, new Date());
    expect(await findJobEndpoint(job.id)).toBeNull();
  });

  it("refuses other attempts and URLs that are not plain http(s)", async () => {
    const job = await runningServiceJob("endpoint-bad");
    expect((await job.report({ attempt: job.attempt + 1, url: "http://h:3" })).status).toBe(409);
    for (const url of ["file:///etc/passwd", "gopher://h:70", "http://user:pw@h:1", "not a url"]) {
      expect((await job.report({ attempt: job.attempt, url })).status).toBe(400);
    }
    expect((await findJobRecord(job.id))!.endpoint).toBeNull();
  });

  it("clears the endpoint when the reaper settles the job", async () => {
    const lost = await runningServiceJob("endpoint-lost");
    await lost.report({ attempt: lost.attempt, url: "http://h:4" });
    const afterLease = new Date(Date.now() + (getJobSettings().leaseSeconds + 1) * 1000);
    expect(await findJobEndpoint(lost.id, afterLease)).toBeNull();
    await reapJobs(afterLease);
    expect(await findJobRecord(lost.id)).toMatchObject({ state: "runner_lost", endpoint: null });

    const overdue = await runningServiceJob("endpoint-overdue");
    await overdue.report({ attempt: overdue.attempt, url: "http://h:5" });
    const pastTimeout = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    expect(await reapOverdueJobs({ now: pastTimeout, graceSeconds: 0 })).toContain(overdue.id);
    expect(await findJobRecord(overdue.id)).toMatchObject({ state: "timed_out", endpoint: null });
  });
});
