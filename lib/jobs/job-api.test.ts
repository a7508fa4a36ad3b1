import { describe, expect, it } from "vitest";

import { POST as cancelRoute } from "@/app/api/jobs/[id]/cancel/route";
import { GET as logRoute } from "@/app/api/jobs/[id]/log/route";
import { GET as streamRoute } from "@/app/api/jobs/[id]/log/stream/route";
import { POST as retryRoute } from "@/app/api/jobs/[id]/retry/route";
import { GET as jobRoute } from "@/app/api/jobs/[id]/route";
import { POST as createJobRoute, GET as listJobsRoute } from "@/app/api/jobs/route";
import { DELETE as deleteRunnerRoute } from "@/app/api/runners/[id]/route";
import { GET as runnersRoute } from "@/app/api/runners/route";
import { DELETE as revokeTokenRoute } from "@/app/api/runners/tokens/[id]/route";
import { POST as createTokenRoute, GET as listTokensRoute } from "@/app/api/runners/tokens/route";
import { insertMember } from "@/db/queries/orgs";
import { createAccessToken } from "@/lib/auth/access-tokens";

import { makeOrg, makeUser } from "@/test/factories";
import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";
import { call, jsonRequest } from "@/test/jobs/routes";

import { findJobByTokenHash } from "@/db/queries/job-runs";
import { appendJobLogChunk, finishJob } from "./job-runs";
import { hashSecret } from "./secrets";

async function tokenFor(options: { isAdmin?: boolean; scope?: "read" | "write" } = {}) {
  const user = await makeUser({ isAdmin: options.isAdmin });
  const { token } = await createAccessToken(user.id, {
    name: "t",
    scope: options.scope ?? "write",
  });
  return { user, auth: { Authorization: `Bearer ${token}` } };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://test${path}`, { headers });
const post = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://test${path}`, { method: "POST", headers });

async function appendLog(token: string, text: string, start: number) {
  const view = (await findJobByTokenHash(hashSecret(token)))!;
  await appendJobLogChunk(
    view,
    { start, end: start + Buffer.byteLength(text) - 1 },
    Buffer.from(text),
  );
}

describe("job endpoints", () => {
  it("show a job to whoever owns what it works on, and nobody else", async () => {
    const owner = await tokenFor();
    const stranger = await tokenFor();
    const secretEnv = "s3cr3t-value";
    const id = await queueScript("echo hi", {
      kind: "image-build",
      labels: { hardware: "cpu", pool: "never-claimed" },
      resource: { type: "owner", ownerId: owner.user.id },
      createdBy: owner.user.id,
      spec: {
        env: { HF_TOKEN: secretEnv },
        steps: [{ type: "script", name: "inference", script: "python examples/inference.py" }],
      },
    });

    const mine = await call(jobRoute, get(`/api/jobs/${id}`, owner.auth), { id: String(id) });
    expect(mine.status).toBe(200);
    const text = await mine.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({
      id,
      kind: "image-build",
      state: "queued",
      steps: [{ type: "script", name: "inference", image: null }],
    });
    expect(text).not.toContain(secretEnv);
    expect(text).not.toContain("inference.py");
    expect(body).not.toHaveProperty("token");
    expect(body).not.toHaveProperty("spec");

    expect(
      (await call(jobRoute, get(`/api/jobs/${id}`, stranger.auth), { id: String(id) })).status,
    ).toBe(404);
    expect((await call(jobRoute, get(`/api/jobs/${id}`), { id: String(id) })).status).toBe(404);
    expect((await call(jobRoute, get(`/api/jobs/abc`, owner.auth), { id: "abc" })).status).toBe(
      404,
    );
    expect(
      (await call(cancelRoute, post(`/api/jobs/${id}/cancel`, stranger.auth), { id: String(id) }))
        .status,
    ).toBe(404);
  });

  it("let organisation members read by role and writers cancel", async () => {
    const admin = await tokenFor();
    const org = await makeOrg(admin.user);
    const reader = await tokenFor();
    const readerToken = await tokenFor({ scope: "read" });
    await insertMember(org.id, reader.user.id, "read");
    await insertMember(org.id, readerToken.user.id, "write");
    const id = await queueScript("true", {
      kind: "image-build",
      labels: { pool: "never-claimed" },
      resource: { type: "owner", ownerId: org.id },
    });

    expect(
      (await call(jobRoute, get(`/api/jobs/${id}`, reader.auth), { id: String(id) })).status,
    ).toBe(200);
    expect(
      (await call(cancelRoute, post(`/api/jobs/${id}/cancel`, reader.auth), { id: String(id) }))
        .status,
    ).toBe(403);
    // A writer with a read-only token cannot cancel either.
    expect(
      (
        await call(cancelRoute, post(`/api/jobs/${id}/cancel`, readerToken.auth), {
          id: String(id),
        })
      ).status,
    ).toBe(403);
    const cancelled = await call(cancelRoute, post(`/api/jobs/${id}/cancel`, admin.auth), {
      id: String(id),
    });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ state: "cancelled", cancelRequested: true });
  });

  it("keep diagnostic jobs to site admins", async () => {
    const admin = await tokenFor({ isAdmin: true });
    const user = await tokenFor();
    const created = await call(
      createJobRoute,
      jsonRequest(
        "/api/jobs",
        { labels: "hardware=cpu,pool=diag-api", script: "uname -a" },
        { headers: admin.auth },
      ),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(
      (await call(jobRoute, get(`/api/jobs/${id}`, admin.auth), { id: String(id) })).status,
    ).toBe(200);
    expect(
      (await call(jobRoute, get(`/api/jobs/${id}`, user.auth), { id: String(id) })).status,
    ).toBe(404);
    expect(
      (
        await call(
          createJobRoute,
          jsonRequest(
            "/api/jobs",
            { labels: "hardware=cpu", script: "id" },
            { headers: user.auth },
          ),
        )
      ).status,
    ).toBe(403);
    const bad = await call(
      createJobRoute,
      jsonRequest("/api/jobs", { labels: "hardware", script: "id" }, { headers: admin.auth }),
    );
    expect(bad.status).toBe(400);
  });

  it("refuse a site admin's read-only token everywhere an admin acts", async () => {
    const readOnly = await tokenFor({ isAdmin: true, scope: "read" });
    const refused = async (response: Promise<Response>) => {
      const res = await response;
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: expect.stringMatching(/read-only/) });
    };
    await refused(
      call(
        createJobRoute,
        jsonRequest(
          "/api/jobs",
          { labels: "hardware=cpu,pool=read-admin", script: "id" },
          { headers: readOnly.auth },
        ),
      ),
    );
    await refused(
      call(
        createTokenRoute,
        jsonRequest(
          "/api/runners/tokens",
          { description: "x", maxUses: 1 },
          { headers: readOnly.auth },
        ),
      ),
    );
    await refused(
      call(
        revokeTokenRoute,
        new Request("http://test/x", { method: "DELETE", headers: readOnly.auth }),
        {
          id: "1",
        },
      ),
    );
    const runner = await makeRunner({ labels: { hardware: "cpu", pool: "read-admin" } });
    await refused(
      call(
        deleteRunnerRoute,
        new Request("http://test/x", { method: "DELETE", headers: readOnly.auth }),
        {
          id: String(runner.id),
        },
      ),
    );
    // Site jobs (diagnostics) are the admins' to cancel and retry, but not with a read-only token.
    const siteJob = await queueScript("true", { labels: { pool: "read-admin-never-claimed" } });
    await refused(
      call(cancelRoute, post(`/api/jobs/${siteJob}/cancel`, readOnly.auth), {
        id: String(siteJob),
      }),
    );
    await refused(
      call(retryRoute, post(`/api/jobs/${siteJob}/retry`, readOnly.auth), { id: String(siteJob) }),
    );
    const seen = await call(jobRoute, get(`/api/jobs/${siteJob}`, readOnly.auth), {
      id: String(siteJob),
    });
    expect(await seen.json()).toMatchObject({ state: "queued" });
    // Nothing was queued or removed.
    const listed = await call(
      runnersRoute,
      get("/api/runners", (await tokenFor({ isAdmin: true })).auth),
    );
    expect(await listed.text()).toContain(`"id":${runner.id}`);
  });

  it("serve the log as plain text and retry an ended job as a new one", async () => {
    const admin = await tokenFor({ isAdmin: true });
    const labels = { hardware: "cpu", pool: "api-log" };
    const runner = await makeRunner({ labels });
    const id = await queueScript("echo hello", { labels });
    const job = (await claimFor(runner))!;
    expect(job.id).toBe(id);
    await appendLog(job.token, "hello\n", 0);

    expect(
      (await call(retryRoute, post(`/api/jobs/${id}/retry`, admin.auth), { id: String(id) }))
        .status,
    ).toBe(409);
    await finishJob((await findJobByTokenHash(hashSecret(job.token)))!, {
      attempt: 1,
      outcome: "failed",
      exitCode: 1,
      reason: "Step 1 exited with code 1.",
    });

    const log = await call(logRoute, get(`/api/jobs/${id}/log?download`, admin.auth), {
      id: String(id),
    });
    expect(log.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(log.headers.get("Content-Disposition")).toContain(`job-${id}.log`);
    expect(await log.text()).toBe("hello\n");

    const retried = await call(retryRoute, post(`/api/jobs/${id}/retry`, admin.auth), {
      id: String(id),
    });
    expect(retried.status).toBe(201);
    const { id: newId } = (await retried.json()) as { id: number };
    const fresh = await call(jobRoute, get(`/api/jobs/${newId}`, admin.auth), {
      id: String(newId),
    });
    expect(await fresh.json()).toMatchObject({
      state: "queued",
      retryOf: id,
      labels: { hardware: "cpu", pool: "api-log" },
    });
  });

  it("stream the log as server-sent events until the job ends", async () => {
    const admin = await tokenFor({ isAdmin: true });
    const labels = { hardware: "cpu", pool: "api-sse" };
    const runner = await makeRunner({ labels });
    const id = await queueScript("echo hi", { labels });
    const job = (await claimFor(runner))!;
    expect(job.id).toBe(id);
    await appendLog(job.token, "first ", 0);

    const response = await call(streamRoute, get(`/api/jobs/${id}/log/stream`, admin.auth), {
      id: String(id),
    });
    expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-cache, no-transform");
    expect(response.headers.get("X-Accel-Buffering")).toBe("no");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${received}`);
        received += value;
      }
    };
    await readUntil('data: "first "');
    // The state comes first, so a page shows it before any log arrives.
    expect(received.indexOf('event: state\ndata: {"state":"running"}')).toBeGreaterThan(-1);
    expect(received.indexOf("event: state")).toBeLessThan(received.indexOf("event: log"));
    expect(received).toContain("id: 6\nevent: log");

    // "é" is two bytes; the live part arrives after the stream started.
    await appendLog(job.token, "sécond\n", 6);
    await readUntil('"sécond\\n"');
    await finishJob((await findJobByTokenHash(hashSecret(job.token)))!, {
      attempt: 1,
      outcome: "succeeded",
      exitCode: 0,
    });
    await readUntil("event: end");
    expect(received).toContain('event: state\ndata: {"state":"succeeded"}');
    expect(received).toContain('event: end\ndata: {"state":"succeeded","size":14}');
    expect((await reader.read()).done).toBe(true);

    const resumed = await call(
      streamRoute,
      get(`/api/jobs/${id}/log/stream`, { ...admin.auth, "Last-Event-ID": "6" }),
      { id: String(id) },
    );
    const rest = await resumed.text();
    expect(rest).not.toContain("first");
    expect(rest).toContain('"sécond\\n"');
  });
});

describe("admin endpoints", () => {
  it("list runners with NPU use, and queued jobs with the reason they wait", async () => {
    const admin = await tokenFor({ isAdmin: true });
    const labels = { hardware: "npu", pool: "admin-list" };
    const runner = await makeRunner({ labels, npus: [0, 1, 2, 3], capacity: 2 });
    const running = await queueScript("true", { labels, npuCount: 3 });
    await claimFor(runner);
    const waiting = await queueScript("true", { labels, npuCount: 2 });

    const runners = (await (await call(runnersRoute, get("/api/runners", admin.auth))).json()) as {
      runners: { id: number; status: string; npu: unknown; currentJobs: { id: number }[] }[];
    };
    const listed = runners.runners.find((r) => r.id === runner.id);
    expect(listed).toMatchObject({
      status: "online",
      npu: { chip: "910b", devices: [0, 1, 2, 3], used: [0, 1, 2], free: [3] },
      currentJobs: [{ id: running }],
    });
    expect(JSON.stringify(runners)).not.toContain("tokenHash");

    const queue = (await (
      await call(listJobsRoute, get("/api/jobs?state=queued", admin.auth))
    ).json()) as { jobs: { id: number; waitReason: string }[] };
    expect(queue.jobs.find((j) => j.id === waiting)?.waitReason).toBe(
      "Needs 2 NPUs; the most free on a matching runner is 1.",
    );
    // The job itself says so too; a running one waits for nothing.
    const one = await call(jobRoute, get(`/api/jobs/${waiting}`, admin.auth), {
      id: String(waiting),
    });
    expect(((await one.json()) as { waitReason: string }).waitReason).toBe(
      "Needs 2 NPUs; the most free on a matching runner is 1.",
    );
    const other = await call(jobRoute, get(`/api/jobs/${running}`, admin.auth), {
      id: String(running),
    });
    expect(await other.json()).toMatchObject({ state: "running", waitReason: null });

    const user = await tokenFor();
    expect((await call(runnersRoute, get("/api/runners", user.auth))).status).toBe(403);
  });

  it("create, list and revoke registration tokens", async () => {
    const admin = await tokenFor({ isAdmin: true });
    const created = await call(
      createTokenRoute,
      jsonRequest(
        "/api/runners/tokens",
        { description: "ascend rack 1", maxUses: null },
        { headers: admin.auth },
      ),
    );
    expect(created.status).toBe(201);
    const token = (await created.json()) as {
      id: number;
      token: string;
      status: string;
      maxUses: null;
    };
    expect(token).toMatchObject({ status: "active", maxUses: null });
    expect(token.token).toMatch(/^strreg_/);

    const listed = await (
      await call(listTokensRoute, get("/api/runners/tokens", admin.auth))
    ).text();
    expect(listed).toContain("ascend rack 1");
    expect(listed).not.toContain(token.token);
    expect(listed).not.toContain(hashSecret(token.token));

    expect(
      (
        await call(
          revokeTokenRoute,
          new Request("http://test/x", { method: "DELETE", headers: admin.auth }),
          { id: String(token.id) },
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await call(
          revokeTokenRoute,
          new Request("http://test/x", { method: "DELETE", headers: admin.auth }),
          { id: String(token.id) },
        )
      ).status,
    ).toBe(404);
  });
});
