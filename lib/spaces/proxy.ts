import "server-only";

import { findSpaceRunEndpoint } from "@/db/queries/space-runs";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { staticAppHeaders } from "@/lib/http/content-type";
import type { RepoRef } from "@/lib/hub";
import { localeFromAcceptLanguage } from "@/lib/i18n/strings";
import { getRepo } from "@/lib/repos/access";
import { serveRepoFile } from "@/lib/repos/files/serve-file";
import { readSpaceSettings } from "@/lib/repos/space-card";

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
 * the Space, on every request.
 */
export async function proxySpaceApp(
  request: Request,
  caller: Caller | null,
  input: RepoRef & { segments: string[] },
): Promise<Response> {
  const { repo, ref } = await getRepo(caller, { ...input, type: "space" }, "read");
  const { sdk } = await readSpaceSettings(ref, "HEAD");
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
  const headers = new Headers(request.headers);
  for (const name of droppedRequestHeaders) headers.delete(name);
  headers.set("x-forwarded-host", incoming.host);
  headers.set("x-forwarded-proto", incoming.protocol.replace(":", ""));
  headers.set("x-forwarded-prefix", spaceAppPath(ref));
  // fetch decodes a compressed answer but keeps its Content-Encoding: ask the app for none.
  headers.set("accept-encoding", "identity");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: "manual",
      signal: request.signal,
      ...(hasBody ? { duplex: "half" } : {}),
    });
  } catch {
    return absentAppResponse(repo.id, lang);
  }
  const out = new Headers(upstream.headers);
  for (const name of droppedResponseHeaders) out.delete(name);
  for (const [name, value] of Object.entries(staticAppHeaders)) out.set(name, value);
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
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
