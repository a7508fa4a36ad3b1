// The Space app proxy answers the same through the front (socket to socket) as its route handler
// does under Next (fetch and web streams): each request goes once to the handler as Next calls it
// and once over HTTP through the front, to a real app behind the endpoint of a running space-run job.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as appRoute from "@/app/[section]/[owner]/[name]/app/[[...path]]/route";
import { makeAccount, type TestAccount } from "@/test/hf";
import { bytes } from "@/test/hub";
import { startRouteServer } from "@/test/jobs/route-server";
import { makeRunningSpace, sessionCookie } from "@/test/spaces/running-space";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
// Set per hop or by the server, not by the handler.
const perConnection = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
const download = bytes(3_000_000, 5);

// The app: what it was sent is remembered, to show what the proxy forwards.
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
let releaseStream: () => void = () => {};
const app = http.createServer((req, res) => {
  seen.push({ url: req.url ?? "", headers: req.headers });
  const url = new URL(req.url ?? "/", "http://app");
  if (url.pathname === "/page") {
    const page = Buffer.from("<!doctype html><form method=post><p>hello</p></form>");
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": page.length,
      "Set-Cookie": ["app=1; Path=/", "other=2"],
      "X-App": "yes",
    });
    return res.end(req.method === "HEAD" ? undefined : page);
  }
  if (url.pathname === "/echo") {
    res.writeHead(200, { "Content-Type": "text/plain", "X-Query": url.search });
    return req.pipe(res);
  }
  if (url.pathname === "/events") {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
    res.write("data: one\n\n");
    releaseStream = () => res.end("data: two\n\n");
    return;
  }
  if (url.pathname === "/download") {
    res.writeHead(200, {
      "Content-Type": "application/octet-stream",
      "Content-Length": download.length,
    });
    return res.end(download);
  }
  if (url.pathname === "/chunked") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("first ");
    return setTimeout(() => res.end("second"), 20);
  }
  if (url.pathname === "/moved") {
    res.writeHead(302, { Location: `http://${req.headers.host}/page?from=moved` });
    return res.end();
  }
  if (url.pathname === "/nothing") return res.writeHead(204).end();
  res.writeHead(404, { "Content-Type": "text/plain" }).end("no such page");
});

let server: Awaited<ReturnType<typeof startRouteServer>>;
let endpoint: string;
let owner: TestAccount;
let stranger: TestAccount;
let publicSpace: { owner: string; name: string };
let privateSpace: { owner: string; name: string };

beforeAll(async () => {
  server = await startRouteServer();
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  owner = await makeAccount();
  stranger = await makeAccount();
  publicSpace = await makeRunningSpace(owner, { isPrivate: false, endpoint });
  privateSpace = await makeRunningSpace(owner, { isPrivate: true, endpoint });
}, 60_000);

afterAll(async () => {
  releaseStream();
  await server.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
});

type Answer = { status: number; headers: Record<string, string>; body: string };

async function answer(response: Response, lengthHeader: string): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (perConnection.has(key)) return;
    headers[key === lengthHeader ? "content-length" : key] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers, body: sha256(body) };
}

type Init = { method?: string; headers?: Record<string, string>; body?: string };

/** The same request to the route handler (as Next calls it) and through the front. */
async function both(space: { owner: string; name: string }, path: string, init: Init = {}) {
  const url = `/spaces/${space.owner}/${space.name}/app/${path}`;
  const pathname = path.split("?")[0]!;
  const segments = pathname ? pathname.split("/").map(decodeURIComponent) : undefined;
  const handler = appRoute[(init.method ?? "GET") as "GET"];
  const direct = await handler(new Request(`http://n${url}`, init), {
    params: Promise.resolve({ section: "spaces", ...space, path: segments }),
  });
  const expected = await answer(direct, "x-strata-content-length");
  const viaFront = await fetch(`${server.url}${url}`, { ...init, redirect: "manual" });
  const front = await answer(viaFront, "content-length");
  // Node frames an empty answer with `Content-Length: 0`, under Next as under the front.
  if (!("content-length" in expected) && front.headers["content-length"] === "0") {
    delete front.headers["content-length"];
  }
  return { direct: expected, front };
}

describe("the Space app proxy through the front", () => {
  const withCredentials = async (): Promise<Init> => ({
    headers: {
      Cookie: await sessionCookie(owner.id),
      Authorization: `Bearer ${owner.read}`,
      "Accept-Language": "en",
    },
  });

  it.each([
    ["a page", "page"],
    ["a page with a query", "page?x=1&y=%20"],
    ["a chunked answer", "chunked"],
    ["a 3 MB download", "download"],
    ["a redirect to the app itself", "moved"],
    ["an empty answer", "nothing"],
    ["the app's 404", "missing/deeper"],
  ])("answers %s the same (%s)", async (_what, path) => {
    const { direct, front } = await both(publicSpace, path, await withCredentials());
    expect(front).toEqual(direct);
    expect(front.headers["content-security-policy"]).toContain("sandbox allow-scripts");
    expect(front.headers["set-cookie"]).toBeUndefined();
  });

  it("sends the app's exact length and bytes, and rewrites its own redirects under the prefix", async () => {
    const { direct, front } = await both(publicSpace, "download");
    expect(front.headers["content-length"]).toBe(String(download.length));
    expect(front.body).toBe(sha256(download));
    expect(direct.body).toBe(sha256(download));
    const moved = await both(publicSpace, "moved");
    expect(moved.front.headers.location).toBe(
      `/spaces/${publicSpace.owner}/${publicSpace.name}/app/page?from=moved`,
    );
  });

  it("answers HEAD and a form POST the same, with the body passed both ways", async () => {
    const head = await both(publicSpace, "page", { method: "HEAD" });
    expect(head.front).toEqual(head.direct);
    const form = {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=Ada&text=" + "x".repeat(200_000),
    };
    const posted = await both(publicSpace, "echo?q=1", form);
    expect(posted.front).toEqual(posted.direct);
    expect(posted.front.body).toBe(sha256(Buffer.from(form.body)));
  });

  it("never forwards the viewer's session, token or other Strata cookies", async () => {
    const before = seen.length;
    await both(publicSpace, "page", await withCredentials());
    expect(seen.length).toBe(before + 2);
    for (const { url, headers } of seen.slice(before)) {
      expect(url).toBe("/page");
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers["x-forwarded-prefix"]).toBe(
        `/spaces/${publicSpace.owner}/${publicSpace.name}/app`,
      );
    }
  });

  it("answers 404 for a private Space to anonymous viewers and strangers, without calling the app", async () => {
    const before = seen.length;
    const anonymous = await both(privateSpace, "page");
    expect(anonymous.front).toEqual(anonymous.direct);
    expect(anonymous.front.status).toBe(404);
    const byStranger = { headers: { Authorization: `Bearer ${stranger.read}` } };
    expect((await both(privateSpace, "page", byStranger)).front.status).toBe(404);
    const strangerSession = { headers: { Cookie: await sessionCookie(stranger.id) } };
    expect((await both(privateSpace, "page", strangerSession)).front.status).toBe(404);
    expect(seen.length).toBe(before);

    const byToken = await both(privateSpace, "page", {
      headers: { Authorization: `Bearer ${owner.read}` },
    });
    expect(byToken.front).toEqual(byToken.direct);
    expect(byToken.front.status).toBe(200);
    const bySession = await both(privateSpace, "page", {
      headers: { Cookie: await sessionCookie(owner.id) },
    });
    expect(bySession.front.status).toBe(200);
  });

  it("streams server-sent events as the app writes them", async () => {
    const { owner: o, name } = publicSpace;
    const response = await fetch(`${server.url}/spaces/${o}/${name}/app/events`);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The app holds the second event back until the first has reached the viewer.
    expect(decoder.decode((await reader.read()).value)).toBe("data: one\n\n");
    releaseStream();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value);
    }
    expect(rest).toBe("data: two\n\n");
  });
});
