import { describe, expect, it } from "vitest";

import { POST as heartbeatRoute } from "@/app/api/runner/heartbeat/route";
import { POST as finishRoute } from "@/app/api/runner/jobs/[id]/finish/route";
import { POST as jobHeartbeatRoute } from "@/app/api/runner/jobs/[id]/heartbeat/route";
import { PATCH as logRoute } from "@/app/api/runner/jobs/[id]/log/route";
import { POST as requestRoute } from "@/app/api/runner/jobs/request/route";
import { POST as registerRoute } from "@/app/api/runner/register/route";
import { findJobRecord, requestJobCancel } from "@/db/queries/jobs";
import { registerRunnerWithToken } from "@/db/queries/runner-registration-tokens";
import { listRunnerRecords } from "@/db/queries/runners";

import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";
import { call, jsonRequest } from "@/test/jobs/routes";

import { jobTokenAllows, verifyJobToken } from "./job-token";
import { readJobLog } from "./log-store";
import { createRegistrationToken, revokeRegistrationToken } from "./registration-tokens";
import { hashSecret } from "./secrets";
import { setJobSettingsForTests } from "./settings";

const declaration = {
  labels: { hardware: "cpu", executor: "shell" },
  executor: "shell",
  capacity: 1,
  npu: { chip: null, devices: [] },
  version: "1.0.0",
};

const register = (token: string, name = "r1", extra: Record<string, unknown> = {}) =>
  call(
    registerRoute,
    jsonRequest("/api/runner/register", { token, name, ...declaration, ...extra }),
  );

/** What a runner sends with a call about a job: its own token and the job's. */
type Creds = { jobToken: string; runnerToken: string };
const credsOf = (runner: { token: string }, job: { token: string }): Creds => ({
  jobToken: job.token,
  runnerToken: runner.token,
});
const jobHeaders = (creds: Creds) => ({
  "Job-Token": creds.jobToken,
  "Runner-Token": creds.runnerToken,
});

function logPatch(
  jobId: number,
  creds: Creds,
  start: number,
  body: string | Buffer,
  range?: string,
) {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return call(
    logRoute,
    new Request(`http://test/api/runner/jobs/${jobId}/log`, {
      method: "PATCH",
      headers: {
        ...jobHeaders(creds),
        ...(range !== ""
          ? { "Content-Range": range ?? `${start}-${start + bytes.length - 1}` }
          : {}),
      },
      body: new Uint8Array(bytes),
    }),
    { id: String(jobId) },
  );
}

const finish = (jobId: number, creds: Creds, body: Record<string, unknown>) =>
  call(
    finishRoute,
    jsonRequest(`/api/runner/jobs/${jobId}/finish`, body, { headers: jobHeaders(creds) }),
    { id: String(jobId) },
  );

const jobHeartbeat = (jobId: number, creds: Creds) =>
  call(
    jobHeartbeatRoute,
    new Request(`http://test/api/runner/jobs/${jobId}/heartbeat`, {
      method: "POST",
      headers: jobHeaders(creds),
    }),
    { id: String(jobId) },
  );

async function readAll(jobId: number, size: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of readJobLog(jobId, 0, size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe("registration", () => {
  it("trades a registration token for a runner token that authenticates the runner", async () => {
    const reg = await createRegistrationToken({ createdBy: null });
    const response = await register(reg.token, "gpu-host-1");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; token: string };
    expect(body.token).toMatch(/^strrun_/);
    const hello = await call(
      heartbeatRoute,
      jsonRequest("/api/runner/heartbeat", {}, { headers: { "Runner-Token": body.token } }),
    );
    expect(hello.status).toBe(200);
    expect(await hello.json()).toMatchObject({ id: body.id, name: "gpu-host-1" });
  });

  it("lets a single-use token register one runner only", async () => {
    const reg = await createRegistrationToken({ createdBy: null });
    expect((await register(reg.token)).status).toBe(201);
    expect((await register(reg.token)).status).toBe(403);
  });

  it("refuses revoked, expired and unknown tokens", async () => {
    const revoked = await createRegistrationToken({ createdBy: null });
    await revokeRegistrationToken(revoked.id, null);
    expect((await register(revoked.token)).status).toBe(403);
    expect((await register("strreg_" + "x".repeat(43))).status).toBe(403);
    const expiring = await createRegistrationToken({ createdBy: null, expiresInSeconds: 60 });
    const runner = {
      name: "late",
      tokenHash: "h-late",
      labels: {},
      executor: "shell" as const,
      capacity: 1,
      npuChip: null,
      npuDevices: [],
      version: "1",
      platform: null,
    };
    // Two minutes later the token has expired.
    const later = new Date(Date.now() + 120_000);
    expect(await registerRunnerWithToken(hashSecret(expiring.token), runner, later)).toBeNull();
    expect(
      await registerRunnerWithToken(hashSecret(expiring.token), runner, new Date()),
    ).not.toBeNull();
  });

  it("rejects bad input without consuming the token or creating a runner", async () => {
    const reg = await createRegistrationToken({ createdBy: null });
    const before = (await listRunnerRecords()).length;
    const bad = await register(reg.token, "bad", { labels: { "Bad Key": "x" } });
    expect(bad.status).toBe(400);
    expect((await listRunnerRecords()).length).toBe(before);
    expect((await register(reg.token, "good")).status).toBe(201);
  });

  it("refuses calls without a valid runner token", async () => {
    const response = await call(
      heartbeatRoute,
      jsonRequest("/api/runner/heartbeat", {}, { headers: { "Runner-Token": "nope" } }),
    );
    expect(response.status).toBe(401);
  });
});

describe("long poll", () => {
  it("answers 204 when no job arrives in time and 201 with a job otherwise", async () => {
    const runner = await makeRunner({ labels: { hardware: "cpu", pool: "poll" } });
    const poll = () =>
      call(
        requestRoute,
        jsonRequest(
          "/api/runner/jobs/request",
          { waitSeconds: 0.3 },
          { headers: { "Runner-Token": runner.token } },
        ),
      );
    const started = Date.now();
    expect((await poll()).status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    const id = await queueScript("true", { labels: { hardware: "cpu", pool: "poll" } });
    const response = await poll();
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id,
      attempt: 1,
      kind: "diagnostic",
      npuDevices: [],
    });
  });

  it("wakes a waiting poll as soon as a job is queued", async () => {
    setJobSettingsForTests({ pollRecheckMs: 10_000 });
    const runner = await makeRunner({ labels: { hardware: "cpu", pool: "wake" } });
    const started = Date.now();
    const pending = call(
      requestRoute,
      jsonRequest(
        "/api/runner/jobs/request",
        { waitSeconds: 20 },
        { headers: { "Runner-Token": runner.token } },
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    const id = await queueScript("true", { labels: { hardware: "cpu", pool: "wake" } });
    const response = await pending;
    expect(response.status).toBe(201);
    expect(((await response.json()) as { id: number }).id).toBe(id);
    expect(Date.now() - started).toBeLessThan(2_000);
    setJobSettingsForTests({ pollRecheckMs: 2_000 });
  });
});

describe("a running job", () => {
  async function runningJob(pool: string) {
    const runner = await makeRunner({ labels: { hardware: "cpu", pool } });
    const id = await queueScript("true", { labels: { hardware: "cpu", pool } });
    const job = await claimFor(runner);
    if (!job) throw new Error("no job claimed");
    expect(job.id).toBe(id);
    return { ...job, creds: credsOf(runner, job) };
  }

  it("appends log chunks at the stored size and refuses other offsets with 416 and the size", async () => {
    const job = await runningJob("log");
    const first = await logPatch(job.id, job.creds, 0, "hello ");
    expect(first.status).toBe(202);
    expect(first.headers.get("Range")).toBe("0-6");
    expect(await first.json()).toEqual({ size: 6, cancel: false });

    const replay = await logPatch(job.id, job.creds, 0, "hello ");
    expect(replay.status).toBe(416);
    expect(replay.headers.get("Range")).toBe("0-6");
    expect(await replay.json()).toMatchObject({ size: 6 });

    const gap = await logPatch(job.id, job.creds, 10, "late");
    expect(gap.status).toBe(416);

    expect((await logPatch(job.id, job.creds, 6, "world\n")).status).toBe(202);
    expect(await readAll(job.id, 12)).toBe("hello world\n");
    expect((await findJobRecord(job.id))?.logSize).toBe(12);
  });

  it("refuses a missing or inconsistent Content-Range and an oversized chunk", async () => {
    const job = await runningJob("log-bad");
    expect((await logPatch(job.id, job.creds, 0, "abc", "")).status).toBe(400);
    expect((await logPatch(job.id, job.creds, 0, "abc", "0-9")).status).toBe(400);
    expect((await logPatch(job.id, job.creds, 0, "abc", "5-2")).status).toBe(400);
    const big = Buffer.alloc(1024 * 1024 + 1, "a");
    expect((await logPatch(job.id, job.creds, 0, big)).status).toBe(413);
    expect((await findJobRecord(job.id))?.logSize).toBe(0);
  });

  it("tells the runner to cancel once a user cancelled", async () => {
    const job = await runningJob("cancel");
    expect(await (await jobHeartbeat(job.id, job.creds)).json()).toMatchObject({
      cancel: false,
      state: "running",
    });
    await requestJobCancel(job.id, new Date());
    expect(await (await jobHeartbeat(job.id, job.creds)).json()).toMatchObject({
      cancel: true,
      reason: "cancelled",
    });
    const log = await logPatch(job.id, job.creds, 0, "x");
    expect(await log.json()).toMatchObject({ cancel: true });
    const done = await finish(job.id, job.creds, {
      attempt: job.attempt,
      outcome: "failed",
      exitCode: 143,
    });
    expect(await done.json()).toMatchObject({ state: "cancelled" });
  });

  it("finishes idempotently and closes the log", async () => {
    const job = await runningJob("finish");
    await logPatch(job.id, job.creds, 0, "ok\n");
    const body = { attempt: job.attempt, outcome: "succeeded", exitCode: 0, logSize: 3 };
    const first = await finish(job.id, job.creds, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ state: "succeeded", logSize: 3 });
    const again = await finish(job.id, job.creds, { ...body, outcome: "failed" });
    expect(await again.json()).toEqual({ state: "succeeded", logSize: 3 });
    expect((await logPatch(job.id, job.creds, 3, "more")).status).toBe(409);
    const record = await findJobRecord(job.id);
    expect(record).toMatchObject({ state: "succeeded", exitCode: 0 });
    expect(record?.finishedAt).toBeInstanceOf(Date);
    expect(await (await jobHeartbeat(job.id, job.creds)).json()).toMatchObject({
      cancel: true,
      reason: "ended",
      state: "succeeded",
    });
  });

  it("hands the runner its next job in the finish answer when asked, and only then", async () => {
    const labels = { hardware: "cpu", pool: "finish-next" };
    const runner = await makeRunner({ labels });
    const first = await queueScript("true", { labels });
    const second = await queueScript("true", { labels });
    const third = await queueScript("true", { labels });
    const job = (await claimFor(runner))!;
    expect(job.id).toBe(first);

    const done = { attempt: job.attempt, outcome: "succeeded", exitCode: 0 };
    const answer = (await (
      await finish(job.id, credsOf(runner, job), { ...done, next: { busyNpus: [] } })
    ).json()) as { state: string; next: { id: number; token: string; attempt: number } | null };
    expect(answer).toMatchObject({ state: "succeeded", next: { id: second, attempt: 1 } });
    expect((await findJobRecord(second))?.state).toBe("running");
    // The handed-out job is the runner's like a polled one: its token reports on it.
    const next = answer.next!;
    expect((await jobHeartbeat(second, credsOf(runner, next))).status).toBe(200);

    // Without `next` (an older runner) the answer and the queue are as before.
    const plain = await finish(second, credsOf(runner, next), { ...done, attempt: next.attempt });
    expect(await plain.json()).toEqual({ state: "succeeded", logSize: 0 });
    expect((await findJobRecord(third))?.state).toBe("queued");

    // Nothing left that fits: `next` is null and the runner goes back to polling.
    const last = (await claimFor(runner))!;
    const empty = await finish(third, credsOf(runner, last), { ...done, next: {} });
    expect(await empty.json()).toMatchObject({ state: "succeeded", next: null });
  });

  it("answers 412 with the stored size when the runner sent more log than arrived", async () => {
    const job = await runningJob("finish-412");
    await logPatch(job.id, job.creds, 0, "abc");
    const response = await finish(job.id, job.creds, {
      attempt: job.attempt,
      outcome: "succeeded",
      exitCode: 0,
      logSize: 10,
    });
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ size: 3 });
    expect((await findJobRecord(job.id))?.state).toBe("running");
  });

  it("requeues a job handed back at shutdown when its kind is retryable", async () => {
    const runner = await makeRunner({ labels: { hardware: "cpu", pool: "handback" }, capacity: 2 });
    const id = await queueScript("true", {
      kind: "model-ci",
      labels: { hardware: "cpu", pool: "handback" },
    });
    const job = (await claimFor(runner))!;
    await logPatch(job.id, credsOf(runner, job), 0, "partial\n");
    const response = await finish(id, credsOf(runner, job), {
      attempt: 1,
      outcome: "handed_back",
      reason: "Runner r shut down",
    });
    expect(await response.json()).toMatchObject({ state: "queued" });
    // The old token died with the attempt.
    expect((await jobHeartbeat(id, credsOf(runner, job))).status).toBe(401);
    const again = (await claimFor(runner))!;
    expect(again).toMatchObject({ id, attempt: 2 });
    expect(again.logOffset).toBeGreaterThan(8);
    const text = await readAll(id, again.logOffset);
    expect(text).toMatch(
      /^partial\n\n\[strata\] Runner r shut down; queued again \(attempt 2 of 3\)\.\n$/,
    );
  });
});

describe("job tokens", () => {
  it("are valid only for their own job, only while it runs, and only within their grants", async () => {
    const labels = { hardware: "cpu", pool: "tokens" };
    const runner = await makeRunner({ labels, capacity: 2 });
    const a = await queueScript("true", {
      labels,
      kind: "model-ci",
      grants: { clone: ["spaces/alice/demo"], push: ["spaces/alice/demo"] },
    });
    const b = await queueScript("true", { labels });
    const jobA = (await claimFor(runner))!;
    const jobB = (await claimFor(runner))!;
    expect([jobA.id, jobB.id]).toEqual([a, b]);

    const verified = await verifyJobToken(jobA.token);
    expect(verified).toMatchObject({ jobId: a, kind: "model-ci" });
    expect(jobTokenAllows(verified!, "clone", "spaces/alice/demo")).toBe(true);
    expect(jobTokenAllows(verified!, "push", "spaces/alice/other")).toBe(false);
    expect(jobTokenAllows((await verifyJobToken(jobB.token))!, "clone", "spaces/alice/demo")).toBe(
      false,
    );

    // Using job B's token for job A is refused.
    expect((await jobHeartbeat(a, credsOf(runner, jobB))).status).toBe(403);
    expect((await logPatch(a, credsOf(runner, jobB), 0, "x")).status).toBe(403);
    expect(await verifyJobToken("strjob_" + "A".repeat(43))).toBeNull();
    expect(await verifyJobToken("hf_notajobtoken")).toBeNull();

    await finish(a, credsOf(runner, jobA), { attempt: 1, outcome: "succeeded", exitCode: 0 });
    expect(await verifyJobToken(jobA.token)).toBeNull();
  });
});

describe("a job token taken out of a job", () => {
  it("reports nothing without its runner's token, and nothing once the attempt ended", async () => {
    const labels = { hardware: "cpu", pool: "stolen" };
    const runner = await makeRunner({ labels });
    const other = await makeRunner({ labels: { hardware: "cpu", pool: "elsewhere" } });
    await queueScript("true", { labels });
    const job = (await claimFor(runner))!;
    const alone = { jobToken: job.token, runnerToken: "" };
    const foreign = credsOf(other, job);
    const body = { attempt: job.attempt, outcome: "succeeded", exitCode: 0, logSize: 0 };

    for (const creds of [alone, foreign]) {
      expect((await logPatch(job.id, creds, 0, "forged\n")).status).toBe(401);
      expect((await jobHeartbeat(job.id, creds)).status).toBe(401);
      expect((await finish(job.id, creds, body)).status).toBe(401);
    }
    expect(await findJobRecord(job.id)).toMatchObject({ state: "running", logSize: 0 });

    const own = credsOf(runner, job);
    expect((await finish(job.id, own, { ...body, outcome: "failed", exitCode: 1 })).status).toBe(
      200,
    );
    // The ended attempt's token is no credential any more, even with a runner token beside it.
    expect(await verifyJobToken(job.token)).toBeNull();
    expect((await finish(job.id, foreign, body)).status).toBe(401);
    expect((await logPatch(job.id, own, 0, "late\n")).status).toBe(409);
    expect(await findJobRecord(job.id)).toMatchObject({ state: "failed", exitCode: 1 });
  });
});
