import "server-only";

import http from "node:http";
import type { Duplex } from "node:stream";

import { findSpaceRunEndpoint } from "@/db/queries/space-runs";
import { resolveCaller } from "@/lib/auth/caller";
import { AppError, toAppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";
import { spaceSdkAt } from "@/lib/repos/space-card";

import { droppedRequestHeaders, safeEndpoint } from "./proxy";
import { spaceAppPath } from "./run-spec";

// Never handed back to the viewer: the app's cookies must not land on Strata's origin.
const droppedUpgradeHeaders = new Set(["set-cookie"]);

function writeHead(
  socket: Duplex,
  status: number,
  message: string,
  headers: http.IncomingHttpHeaders,
): void {
  const lines = [`HTTP/1.1 ${status} ${message}`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || droppedUpgradeHeaders.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);
}

function refuse(socket: Duplex, status: number, text: string): void {
  const body = `${text}\n`;
  writeHead(socket, status, http.STATUS_CODES[status] ?? "Error", {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    connection: "close",
  });
  // The viewer's socket carries nothing after this answer: close it, not just our half.
  socket.end(body, () => socket.destroy());
}

/** The viewer's request as a web `Request`, only to resolve the caller exactly as the HTTP proxy does. */
function callerRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const name of ["authorization", "cookie"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(new URL(req.url ?? "/", "http://n"), { headers });
}

/** The endpoint of the Space's serving run, after the same checks as the HTTP proxy. */
async function upgradeTarget(req: http.IncomingMessage, ref: RepoRef): Promise<URL> {
  const caller = await resolveCaller(callerRequest(req));
  const { repo } = await getRepo(caller, ref, "read");
  const sdk = await spaceSdkAt(ref, repo.headCommit);
  if (sdk === "static" || sdk === null) {
    throw new AppError("not_found", "A static Space has no WebSocket endpoint.");
  }
  const endpoint = await findSpaceRunEndpoint(repo.id, new Date());
  const base = endpoint ? safeEndpoint(endpoint) : null;
  if (!base) throw new AppError("unavailable", "The Space's app is not running.");
  return base;
}

/**
 * A WebSocket upgrade of `/spaces/{owner}/{name}/app/{path}` (Gradio uses them), which route
 * handlers cannot take: the same read check on the Space (404 for whoever cannot read it), the
 * endpoint only from the Space's serving run, none of the viewer's credentials forwarded, and then
 * the two sockets piped to each other.
 */
export async function proxySpaceUpgrade(
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  input: { owner: string; name: string; segments: string[] },
): Promise<void> {
  socket.on("error", () => socket.destroy());
  const ref: RepoRef = { type: "space", owner: input.owner, name: input.name };
  let base: URL;
  try {
    base = await upgradeTarget(req, ref);
  } catch (error) {
    const appError = toAppError(error);
    refuse(socket, appError.status, appError.message);
    return;
  }
  const incoming = new URL(req.url ?? "/", "http://n");
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !droppedRequestHeaders.includes(name)) headers[name] = value;
  }
  headers.host = base.host;
  headers.connection = "Upgrade";
  headers.upgrade = req.headers.upgrade ?? "websocket";
  headers["x-forwarded-host"] = req.headers.host ?? "";
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-prefix"] = spaceAppPath(ref);
  const path = input.segments.map(encodeURIComponent).join("/");
  const upstream = http.request({
    host: base.hostname,
    port: base.port || 80,
    method: "GET",
    path: `/${path}${incoming.search}`,
    headers,
  });
  upstream.on("upgrade", (res, appSocket, appHead) => {
    writeHead(socket, 101, "Switching Protocols", res.headers);
    if (appHead.length) socket.write(appHead);
    if (head.length) appSocket.write(head);
    appSocket.on("error", () => socket.destroy());
    socket.on("close", () => appSocket.destroy());
    appSocket.on("close", () => socket.destroy());
    appSocket.pipe(socket);
    socket.pipe(appSocket);
  });
  // The app refused the upgrade: its answer goes back as it is, minus its cookies.
  upstream.on("response", (res) => {
    writeHead(socket, res.statusCode ?? 502, res.statusMessage ?? "", {
      ...res.headers,
      connection: "close",
    });
    res.pipe(socket);
  });
  upstream.on("error", () => refuse(socket, 502, "The Space's app did not answer."));
  socket.on("close", () => upstream.destroy());
  upstream.end();
}
