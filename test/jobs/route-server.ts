// An HTTP server that serves the protocol routes (runner protocol, git, LFS, file downloads, the
// HF API, the registry) and Space WebSocket upgrades through the protocol front of `npm start`,
// so the runner agent, git and image builders are tested over real HTTP, on the very routing and
// handlers production uses, without Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

import { createFront } from "@/lib/front/front";

import { appEntries } from "../app-paths";

const front = createFront({ appPaths: appEntries().map((entry) => entry.appPath) });

/** What the front leaves to Next is not served here. */
function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!front.handle(req, res)) res.writeHead(404).end();
}

/** Listens on the first free port of 3230–3239 (the range this project's tests may use). */
export async function startRouteServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handle);
  // Upgraded sockets leave the server's connection list: closing must end them too.
  const upgraded = new Set<Duplex>();
  server.on("upgrade", (req, socket: Duplex, head: Buffer) => {
    upgraded.add(socket.once("close", () => upgraded.delete(socket)));
    if (!front.upgrade(req, socket, head)) socket.destroy();
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
            for (const socket of upgraded) socket.destroy();
            server.close(() => resolve());
          }),
      };
    }
  }
  throw new Error("No free port in 3230–3239.");
}
