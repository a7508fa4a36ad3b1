// The production server: Node's HTTP server in front of Next's request handler. It owns the
// socket, so it alone knows the client's address: it works it out (trusting forwarding headers
// only from STRATA_TRUSTED_PROXIES) and hands it to the app in a header no client can set. The
// protocol front (lib/front, compiled into .next/strata/) then serves the protocol routes and the
// Space apps' WebSocket upgrades itself; everything else goes to Next. STRATA_FRONT=off sends
// every request to Next (to compare the two).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import {
  clientAddress,
  clientAddressHeader,
  parseTrustedProxies,
} from "../lib/runtime/client-address.mjs";
import { hasMalformedPathEscape } from "../lib/runtime/request-path.mjs";
import { buildFront, frontBundle, frontIsStale } from "./lib/front.mjs";

process.env.NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);

let trusted;
try {
  trusted = parseTrustedProxies(process.env.STRATA_TRUSTED_PROXIES);
} catch (error) {
  console.error(`[strata] Invalid configuration:\n  STRATA_TRUSTED_PROXIES: ${error.message}`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();
const front = await loadFront();

/** The front for this build: compiled now if `next build` ran without it (`npm run build` compiles both). */
async function loadFront() {
  if (process.env.STRATA_FRONT === "off") return null;
  if (frontIsStale()) {
    console.log("[strata] Compiling the protocol front…");
    await buildFront();
  }
  const { createFront } = await import(pathToFileURL(frontBundle).href);
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  return createFront({ appPaths: Object.values(JSON.parse(fs.readFileSync(manifest, "utf8"))) });
}

const malformedPath = "Bad request: the URL path has a malformed percent escape.\n";

/** Checks every request (and upgrade) before anything routes it: its path, and who sent it. */
function admit(request) {
  if (hasMalformedPathEscape(request.url)) return false;
  request.headers[clientAddressHeader] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trusted,
  });
  return true;
}

const server = http.createServer((request, response) => {
  if (!admit(request)) {
    response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(malformedPath);
    return;
  }
  if (front?.handle(request, response)) return;
  void handle(request, response);
});
// Only WebSocket upgrades of Space apps are taken; Next serves no upgrades in production.
server.on("upgrade", (request, socket, head) => {
  if (!admit(request)) {
    socket.end(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n${malformedPath}`);
    return;
  }
  if (front?.upgrade(request, socket, head)) return;
  socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
});
// Idle keep-alive connections outlive the clients' own (5 s) and common proxies' (60 s), so the
// client, not the server, closes an idle socket: when both use 5 s, a request sent just as the
// server closes gets ECONNRESET. headersTimeout must exceed it (Node's rule).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => console.log(`[strata] Ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
