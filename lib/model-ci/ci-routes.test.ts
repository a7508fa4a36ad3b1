// The Model CI API and badge over their route handlers, with access tokens.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as badge } from "@/app/[section]/[owner]/[name]/ci/badge.svg/route";
import { GET, POST } from "@/app/api/models/[owner]/[name]/ci/route";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { refOf } from "@/lib/repos/access";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";

const cpuEnvironment = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";
let owner: TestAccount;
let stranger: TestAccount;

beforeAll(async () => {
  await seedImageCatalog();
  owner = await makeAccount();
  stranger = await makeAccount();
});

async function model(isPrivate: boolean) {
  const { record } = await makeHubRepo(owner, { isPrivate });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "script",
    operations: [{ kind: "file", path: "examples/inference.py", source: { content: "1\n" } }],
  });
  return { owner: record.ownerName, name: record.name };
}

const headers = (token?: string): Record<string, string> => ({
  "content-type": "application/json",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

async function call(
  method: "GET" | "POST",
  params: { owner: string; name: string },
  token?: string,
  body?: unknown,
) {
  const request = new Request(
    `http://localhost:3000/api/models/${params.owner}/${params.name}/ci`,
    {
      method,
      headers: headers(token),
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  const response = await (method === "GET" ? GET : POST)(request, {
    params: Promise.resolve(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("/api/models/{owner}/{name}/ci", () => {
  it("starts a run for a writer (201) and lists it with openMind's field names", async () => {
    const m = await model(false);
    const started = await call("POST", m, owner.write, { environments: [cpuEnvironment] });
    expect(started.status).toBe(201);
    expect(started.body.model_ci).toEqual([
      expect.objectContaining({ status: "queued", image: cpuEnvironment }),
    ]);
    const listed = await call("GET", m);
    expect(listed).toMatchObject({
      status: 200,
      body: {
        total: 1,
        model_ci: [
          {
            status: "queued",
            stop_reason: null,
            hardware_version: "CPU",
            framework: "PyTorch",
            framework_version: "2.1.0",
            cann_version: null,
            python_version: "3.9",
            openmind_version: "0.8.0",
            image: cpuEnvironment,
            log_url: expect.stringMatching(/^\/api\/jobs\/\d+\/log$/),
          },
        ],
      },
    });
    const svg = await badge(
      new Request(`http://localhost:3000/models/${m.owner}/${m.name}/ci/badge.svg`),
      {
        params: Promise.resolve({ section: "models", ...m }),
      },
    );
    expect(svg.headers.get("cache-control")).toContain("max-age=60");
    expect(await svg.text()).toContain("running");
  });

  it("refuses what it must: readers, read-only tokens, bad bodies; hides private models", async () => {
    const open = await model(false);
    const body = { environments: [cpuEnvironment] };
    expect((await call("POST", open, stranger.write, body)).status).toBe(403);
    expect((await call("POST", open, owner.read, body)).status).toBe(403);
    expect((await call("POST", open, undefined, body)).status).toBe(401);
    expect((await call("POST", open, owner.write, { environments: [] })).status).toBe(400);
    expect((await call("POST", open, owner.write, { environments: ["x:y"] })).status).toBe(400);
    const hidden = await model(true);
    expect((await call("GET", hidden, stranger.write)).status).toBe(404);
    expect((await call("GET", hidden)).status).toBe(404);
    expect((await call("POST", hidden, stranger.write, body)).status).toBe(404);
    expect((await call("GET", hidden, owner.read)).status).toBe(200);
  });
});
