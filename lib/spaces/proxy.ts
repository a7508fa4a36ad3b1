import "server-only";

import http from "node:http";

import { findSpaceRunEndpoint } from "@/db/queries/space-runs";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { contentLengthPassthrough } from "@/lib/http/content-length";
import { staticAppHeaders } from "@/lib/http/content-type";
import { nodeBody, nodeRequestBehind } from "@/lib/http/node-exchange";
import type { RepoRef } from "@/lib/hub";
import { localeFromAcceptLanguage } from "@/lib/i18n/strings";
import { getRepo } from "@/lib/repos/access";
import { serveRepoFile } from "@/lib/repos/files/serve-file";
import { spaceSdkAt } from "@/lib/repos/space-card";

import { absentAppResponse } from "./absent-app";
import { noteSpaceActivity } from "./activity";
import { spaceAppPath } from "./run-spec";

// Never passed on: hop-by-hop headers, and the viewer's credentials, which are Strata's, not the app's.
export const droppedRequestHeaders = [
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "proxy-authorization",
  "te",
  "trailer",
  "cookie",
  "authorization",
];
// The app runs in an opaque origin: its cookies could never come back, and must not land on ours.
const droppedResponseHeaders = ["connection", "keep-alive", "transfer-encoding", "set-cookie"];

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "[::]"]);

/**
 * The endpoint as a base URL, or null when it is not one the proxy may call: only plain HTTP, and
 * never this server itself (a runner's report must not turn the proxy into a loop or a way in).
 */
export function safeEndpoint(endpoint: string): URL | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || url.username || url.password) return null;
  const { port, publicUrl } = getConfig();
  const own = new URL(publicUrl);
  const urlPort = url.port || "80";
  if (url.host === own.host) return null;
  if (loopbackHosts.has(url.hostname) && urlPort === String(port)) return null;
  return url;
}

/**
 * `/spaces/{owner}/{name}/app/{path}`: a static Space's files, or the request streamed to the app
 * of a gradio or docker Space where its serving run answers — any method, bodies both ways,
 * unbuffered (SSE and chunked responses flow as the app writes them). 404 for whoever cannot read
 * the Space, on every request. Under Next the bodies go through fetch; when the protocol front
 * serves the request, socket to socket (`forwardNode`). The rules are the same either way.
 */
export async function proxySpaceApp(
  request: Request,
  caller: Caller | null,
  input: RepoRef & { segments: string[] },
): Promise<Response> {
  const { repo, ref } = await getRepo(caller, { ...input, type: "space" }, "read");
  const sdk = await spaceSdkAt(ref, repo.headCommit);
  if (sdk === "static" || sdk === null) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new AppError("method_not_allowed", "A static Space only serves its files.");
    }
    const path = input.segments.join("/");
    return serveRepoFile(
      request,
      caller,
      // A folder's URL serves its index.html, as a static web server would.
      { ...ref, rev: "HEAD", path: path === "" || path.endsWith("/") ? `${path}index.html` : path },
      "app",
    );
  }
  const endpoint = await findSpaceRunEndpoint(repo.id, new Date());
  const base = endpoint ? safeEndpoint(endpoint) : null;
  const lang = localeFromAcceptLanguage(request.headers.get("accept-language"));
  if (!base) return absentAppResponse(repo.id, lang);
  // A request for the app keeps it awake.
  await noteSpaceActivity(repo.id);
  const incoming = new URL(request.url);
  const path = input.segments.map(encodeURIComponent).join("/");
  const target = new URL(`/${path}${incoming.search}`, base);
  const headers = appRequestHeaders(request.headers, incoming, ref);
  const req = nodeRequestBehind(request);
  let upstream: Upstream;
  try {
    upstream = req
      ? await forwardNode(req, target, headers, request.signal)
      : await forwardWeb(request, target, headers);
  } catch {
    return absentAppResponse(repo.id, lang);
  }
  const out = appResponseHeaders(upstream.headers, target, base, ref);
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

type Upstream = { status: number; headers: Headers; body: ReadableStream<Uint8Array> | null };

/** What the app is sent: the viewer's request minus hop-by-hop headers and Strata's credentials. */
function appRequestHeaders(viewer: Headers, incoming: URL, ref: RepoRef): Headers {
  const headers = new Headers(viewer);
  for (const name of droppedRequestHeaders) headers.delete(name);
  headers.set("x-forwarded-host", incoming.host);
  headers.set("x-forwarded-proto", incoming.protocol.replace(":", ""));
  headers.set("x-forwarded-prefix", spaceAppPath(ref));
  // fetch would decode a compressed answer but keep its Content-Encoding: ask the app for none.
  headers.set("accept-encoding", "identity");
  return headers;
}

/** What the viewer is sent: the app's headers minus its cookies, inside the sandbox. */
function appResponseHeaders(upstream: Headers, target: URL, base: URL, ref: RepoRef): Headers {
  const out = new Headers(upstream);
  for (const name of droppedResponseHeaders) out.delete(name);
  for (const [name, value] of Object.entries(staticAppHeaders)) out.set(name, value);
  // Next drops Content-Length from route handler answers: an unencoded body keeps its exact length.
  const length = out.get("content-length");
  if (length !== null && !out.has("content-encoding")) out.set(contentLengthPassthrough, length);
  // Redirects the app aims at itself stay under the proxy prefix.
  const location = out.get("location");
  if (location) {
    const to = new URL(location, target);
    if (to.origin === base.origin) {
      out.set("location", `${spaceAppPath(ref)}${to.pathname}${to.search}${to.hash}`);
    }
  }
  // Tell buffering reverse proxies in front of us to pass event streams through as they come.
  if (out.get("content-type")?.startsWith("text/event-stream")) out.set("x-accel-buffering", "no");
  return out;
}

/** Under Next: the request's web body goes out with fetch, the answer's comes back as one. */
async function forwardWeb(request: Request, target: URL, headers: Headers): Promise<Upstream> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    redirect: "manual",
    signal: request.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  });
  return { status: upstream.status, headers: upstream.headers, body: upstream.body };
}

// Connections to the apps are reused across requests, as fetch does.
const appAgent = new http.Agent({ keepAlive: true });
// Answers that carry no body whatever their headers say.
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * In the protocol front: the viewer's socket is piped to the app and the app's answer back to the
 * viewer's socket (through `nodeBody`), with no web stream in between. Bytes pass as they are, so
 * a compressed answer keeps its Content-Encoding.
 */
function forwardNode(
  req: http.IncomingMessage,
  target: URL,
  headers: Headers,
  signal: AbortSignal,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(target, {
      method: req.method,
      headers: Object.fromEntries(headers),
      agent: appAgent,
      signal,
    });
    upstream.once("error", reject);
    upstream.once("response", (res) => {
      const out = new Headers();
      try {
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          out.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        }
      } catch {
        // A header fetch would refuse as well.
        res.destroy();
        return reject(new Error("The app answered with a header that is not valid."));
      }
      const status = res.statusCode ?? 502;
      const empty = req.method === "HEAD" || nullBodyStatuses.has(status);
      if (empty) res.resume();
      resolve({ status, headers: out, body: empty ? null : nodeBody(res) });
    });
    if (req.method === "GET" || req.method === "HEAD") upstream.end();
    else req.pipe(upstream);
  });
}
