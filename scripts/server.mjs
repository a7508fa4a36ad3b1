// The production server: Node's HTTP server in front of Next's request handler. It owns the
// socket, so it alone knows the client's address: it works it out (trusting forwarding headers
// only from STRATA_TRUSTED_PROXIES) and hands it to the app in a header no client can set.
import http from "node:http";
import path from "node:path";

import {
  clientAddress,
  clientAddressHeader,
  parseTrustedProxies,
} from "../lib/runtime/client-address.mjs";
import { hasMalformedPathEscape } from "../lib/runtime/request-path.mjs";

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

const server = http.createServer((request, response) => {
  if (hasMalformedPathEscape(request.url)) {
    response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("Bad request: the URL path has a malformed percent escape.\n");
    return;
  }
  request.headers[clientAddressHeader] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trusted,
  });
  void handle(request, response);
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
