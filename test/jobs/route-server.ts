// A tiny HTTP server that serves the runner protocol, job routes, git, file downloads and the
// registry through the real route handlers, so the runner agent, git and image builders can be
// tested over real HTTP without Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import * as gitReceivePack from "@/app/[section]/[owner]/[name]/git-receive-pack/route";
import * as gitUploadPack from "@/app/[section]/[owner]/[name]/git-upload-pack/route";
import * as gitInfo from "@/app/[section]/[owner]/[name]/info/[...rest]/route";
import * as resolve from "@/app/[section]/[owner]/[name]/resolve/[rev]/[...path]/route";
import * as heartbeat from "@/app/api/runner/heartbeat/route";
import * as endpoint from "@/app/api/runner/jobs/[id]/endpoint/route";
import * as finish from "@/app/api/runner/jobs/[id]/finish/route";
import * as jobHeartbeat from "@/app/api/runner/jobs/[id]/heartbeat/route";
import * as jobLog from "@/app/api/runner/jobs/[id]/log/route";
import * as request from "@/app/api/runner/jobs/request/route";
import * as register from "@/app/api/runner/register/route";
import * as registry from "@/app/v2/[[...path]]/route";
import * as registryToken from "@/app/v2/token/route";

const repo = "/(?<section>models|datasets|spaces)/(?<owner>[^/]+)/(?<name>[^/]+?)";

type Handler = (
  request: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const table: [string, RegExp, Handler][] = [
  ["POST", /^\/api\/runner\/register$/, register.POST as Handler],
  ["POST", /^\/api\/runner\/heartbeat$/, heartbeat.POST as Handler],
  ["POST", /^\/api\/runner\/jobs\/request$/, request.POST as Handler],
  ["POST", /^\/api\/runner\/jobs\/(?<id>[^/]+)\/heartbeat$/, jobHeartbeat.POST as Handler],
  ["PATCH", /^\/api\/runner\/jobs\/(?<id>[^/]+)\/log$/, jobLog.PATCH as Handler],
  ["POST", /^\/api\/runner\/jobs\/(?<id>[^/]+)\/finish$/, finish.POST as Handler],
  ["POST", /^\/api\/runner\/jobs\/(?<id>[^/]+)\/endpoint$/, endpoint.POST as Handler],
  ["GET", new RegExp(`^${repo}\\.git/info/(?<rest>.+)$`), gitInfo.GET as unknown as Handler],
  ["POST", new RegExp(`^${repo}\\.git/info/(?<rest>.+)$`), gitInfo.POST as unknown as Handler],
  ["POST", new RegExp(`^${repo}\\.git/git-upload-pack$`), gitUploadPack.POST as Handler],
  ["POST", new RegExp(`^${repo}\\.git/git-receive-pack$`), gitReceivePack.POST as Handler],
  [
    "GET",
    new RegExp(`^${repo}/resolve/(?<rev>[^/]+)/(?<path>.+)$`),
    resolve.GET as unknown as Handler,
  ],
  ["GET", /^\/v2\/token$/, registryToken.GET],
  ...(["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"] as const).map(
    (method) =>
      [method, /^\/v2(?:\/(?<path>.+))?\/?$/, registry[method] as unknown as Handler] as [
        string,
        RegExp,
        Handler,
      ],
  ),
];

/** Catch-all segments (`[...rest]`, `[...path]`) arrive as arrays, as Next passes them. */
const catchAllParams = new Set(["rest", "path"]);

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = table.find(
    ([method, pattern]) => method === req.method && pattern.test(url.pathname),
  );
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  // Only a client that went away mid-request aborts (as in Next); a finished response does not.
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
    signal: aborted.signal,
  } as RequestInit);
  const groups = route[1].exec(url.pathname)?.groups ?? {};
  const params = Object.fromEntries(
    // An optional catch-all that matched nothing (`/v2/`) is absent, as in Next.
    Object.entries(groups)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [
        key,
        catchAllParams.has(key)
          ? value.split("/").map(decodeURIComponent)
          : decodeURIComponent(value),
      ]),
  ) as unknown as Record<string, string>;
  const response = await route[2](request, { params: Promise.resolve(params) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  // Protocol answers are small JSON: one write. Anything else streams.
  const json = response.headers.get("content-type")?.startsWith("application/json");
  if (response.body && !json) Readable.fromWeb(response.body as WebReadableStream).pipe(res);
  else res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** Listens on the first free port of 3230–3239 (the range this project's tests may use). */
export async function startRouteServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  for (let port = 3230; port <= 3239; port++) {
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (listening) {
      const { port: bound } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }
  }
  throw new Error("No free port in 3230–3239.");
}
