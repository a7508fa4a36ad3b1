import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  HEAD as resolveHead,
  GET as resolveRoute,
} from "@/app/[section]/[owner]/[name]/resolve/[rev]/[...path]/route";
import { POST as commitRoute } from "@/app/api/repos/[type]/[owner]/[name]/commit/route";
import {
  DELETE as discardRoute,
  POST as uploadRoute,
} from "@/app/api/repos/[type]/[owner]/[name]/uploads/route";
import { GET as listRoute } from "@/app/api/repos/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { getRepo } from "@/lib/repos/access";
import { createRepo } from "@/lib/repos/create";
import { makeUser, sessionCaller, uniqueName } from "@/test/factories";
import { bytes } from "@/test/hub";

const base = "http://hub.test";
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
type Params = { type: string; owner: string; name: string };

async function setup(options: { isPrivate?: boolean } = {}) {
  const alice = await makeUser();
  const name = uniqueName("m");
  await createRepo(sessionCaller(alice), { type: "model", owner: alice.name, name, ...options });
  const write = (await createAccessToken(alice.id, { name: "w", scope: "write" })).token;
  const read = (await createAccessToken(alice.id, { name: "r", scope: "read" })).token;
  const params = { type: "models", owner: alice.name, name };
  return {
    alice,
    name,
    write,
    read,
    params,
    address: { type: "model" as const, owner: alice.name, name },
  };
}

async function upload(
  token: string,
  params: Params,
  data: Buffer,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${base}/api/repos/models/${params.owner}/${params.name}/uploads`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Length": String(data.length),
      ...headers,
    },
    body: new Uint8Array(data),
  });
  return uploadRoute(request, ctx(params));
}

async function commit(
  token: string,
  params: Params,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${base}/api/repos/models/${params.owner}/${params.name}/commit`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return commitRoute(request, ctx(params));
}

function resolve(params: Params, path: string, init: RequestInit = {}, query = "") {
  const request = new Request(
    `${base}/models/${params.owner}/${params.name}/resolve/main/${path}${query}`,
    init,
  );
  return (init.method === "HEAD" ? resolveHead : resolveRoute)(
    request,
    ctx({
      section: "models",
      owner: params.owner,
      name: params.name,
      rev: "main",
      path: path.split("/"),
    }),
  );
}

describe("upload, commit and resolve routes", () => {
  it("stage a raw body with a write token, commit it, and serve it back with ranges, validators and a download count", async () => {
    const { write, params, address } = await setup();
    const data = bytes(12_000_000, 5);
    const staged = await upload(write, params, data);
    expect(staged.status).toBe(201);
    const { id, sha256: digest } = (await staged.json()) as { id: string; sha256: string };
    expect(digest).toBe(sha256(data));
    const committed = await commit(write, params, {
      branch: "main",
      operations: [{ kind: "upload", path: "w/model.bin", uploadId: id }],
    });
    expect(committed.status).toBe(201);

    const full = await resolve(params, "w/model.bin");
    expect(full.status).toBe(200);
    expect(full.headers.get("etag")).toBe(`"${sha256(data)}"`);
    expect(full.headers.get("content-type")).toBe("application/octet-stream");
    expect(full.headers.get("content-security-policy")).toContain("sandbox");
    expect(full.headers.get("content-disposition")).toMatch(/^inline; filename="model.bin"/);
    expect(sha256(Buffer.from(await full.arrayBuffer()))).toBe(sha256(data));
    const part = await resolve(params, "w/model.bin", { headers: { Range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(data.subarray(10, 20));
    const head = await resolve(params, "w/model.bin", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const notModified = await resolve(params, "w/model.bin", {
      headers: { "If-None-Match": `"${sha256(data)}"` },
    });
    expect(notModified.status).toBe(304);
    const attachment = await resolve(params, "w/model.bin", {}, "?download=true");
    expect(attachment.headers.get("content-disposition")).toMatch(/^attachment/);
    // An image embedded in a page is not a download; the GETs above count once for this client.
    await resolve(params, "w/model.bin", { headers: { "Sec-Fetch-Dest": "image" } });
    expect((await getRepo(null, address)).repo.downloads).toBe(1);
  });

  it("serve user files inert: HTML and SVG come back as plain text", async () => {
    const { write, params } = await setup();
    await commit(write, params, {
      branch: "main",
      operations: [
        { kind: "content", path: "page.html", content: "<script>alert(1)</script>" },
        { kind: "content", path: "logo.svg", content: "<svg onload=alert(1)></svg>" },
        { kind: "content", path: "noext", content: "plain text" },
      ],
    });
    for (const path of ["page.html", "logo.svg", "noext"]) {
      const response = await resolve(params, path);
      expect(response.headers.get("content-type"), path).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("refuse anonymous and read-only writers, and hide private repositories from everyone else", async () => {
    const { read, write, params } = await setup({ isPrivate: true });
    const anonymous = await uploadRoute(
      new Request(`${base}/x`, { method: "POST", body: "x" }),
      ctx(params),
    );
    expect(anonymous.status).toBe(401);
    expect((await upload(read, params, Buffer.from("x"))).status).toBe(403);
    expect(
      (
        await commit(read, params, {
          branch: "main",
          operations: [{ kind: "content", path: "a", content: "a" }],
        })
      ).status,
    ).toBe(403);
    const stranger = await makeUser();
    const strangerToken = (await createAccessToken(stranger.id, { name: "s", scope: "write" }))
      .token;
    expect((await upload(strangerToken, params, Buffer.from("x"))).status).toBe(404);
    expect((await resolve(params, "README.md")).status).toBe(404);
    const listed = (await (
      await listRoute(new Request(`${base}/api/repos?type=model&search=${params.name}`), ctx({}))
    ).json()) as { total: number };
    expect(listed.total).toBe(0);
    const mine = await resolveRoute(
      new Request(`${base}/models/${params.owner}/${params.name}/resolve/main/README.md`, {
        headers: { Authorization: `Bearer ${write}` },
      }),
      ctx({
        section: "models",
        owner: params.owner,
        name: params.name,
        rev: "main",
        path: ["README.md"],
      }),
    );
    expect(mine.status).toBe(200);
  });

  it("let token writes through whatever site they come from, and refuse malformed discards", async () => {
    const { write, params } = await setup();
    // Browsers never attach access tokens on their own, so token requests pass.
    expect(
      (await upload(write, params, Buffer.from("x"), { "Sec-Fetch-Site": "cross-site" })).status,
    ).toBe(201);
    const discard = await discardRoute(
      new Request(`${base}/x`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${write}` },
        body: JSON.stringify({ ids: ["not-a-uuid"] }),
      }),
      ctx(params),
    );
    expect(discard.status).toBe(400);
  });

  it("list models as JSON with filters and counts", async () => {
    const { write, params } = await setup();
    await commit(write, params, {
      branch: "main",
      operations: [
        {
          kind: "content",
          path: "README.md",
          content: "---\nframeworks: [MindSpore]\nhardwares: [NPU]\n---\n# x\n",
          replace: true,
        },
      ],
    });
    const response = await listRoute(
      new Request(
        `${base}/api/repos?type=model&owner=${params.owner}&framework=MindSpore&sort=name`,
      ),
      ctx({}),
    );
    const page = (await response.json()) as {
      total: number;
      items: { name: string; frameworks: string[] }[];
      facets: { hardware: unknown[] };
    };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ name: params.name, frameworks: ["MindSpore"] });
    expect(page.facets.hardware).toEqual([{ value: "NPU", count: 1 }]);
    expect((await listRoute(new Request(`${base}/api/repos?type=space`), ctx({}))).status).toBe(
      200,
    );
    expect((await listRoute(new Request(`${base}/api/repos?type=widget`), ctx({}))).status).toBe(
      400,
    );
  });
});
