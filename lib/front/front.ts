import type http from "node:http";
import type { Duplex } from "node:stream";

import { logIfInternal, toAppError } from "@/lib/errors";
import { installContentLengthPassthrough } from "@/lib/http/content-length";

import { kindOfSection } from "@/lib/repos/kinds";
import { proxySpaceUpgrade } from "@/lib/spaces/proxy-upgrade";

import { frontRoutes, nodeBodyRoutes, type RouteHandler } from "./front-routes";
import { toWebRequest } from "./node-request";
import { appPathMatcher } from "./route-match";
import { sendResponse } from "./send-response";

type Front = {
  /** Serves the request and returns true, or returns false for Next to serve it. */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** Takes a WebSocket upgrade and returns true, or returns false when it is not the front's. */
  upgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;
};

/**
 * Next builds a route handler's URL on this placeholder origin when the server is started without
 * a hostname (ours is): the front does the same, so a handler sees the very URL it would in Next.
 */
const nextOrigin = "http://n";

/** The Space app proxy's route: the front serves its HTTP requests (in `frontRoutes`) and its WebSocket upgrades. */
const spaceAppRoute = "/[section]/[owner]/[name]/app/[[...path]]";

/** Paths Next rewrites or redirects before matching (repeated slashes, dot segments): Next keeps them. */
function needsNext(pathname: string): boolean {
  return pathname.includes("//") || pathname.includes("\\") || /(^|\/)\.{1,2}(\/|$)/.test(pathname);
}

/**
 * With `skipTrailingSlashRedirect` (next.config.ts), Next routes `/v2/` as `/v2` without a
 * redirect, and registry clients ping exactly `/v2/`: match it the same way.
 */
function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
}

/**
 * The protocol front: given every app path of the build, it serves a request itself when Next
 * would route it to one of `frontRoutes`, calling that route file's own handler, and leaves
 * everything else to Next. Called after the server has checked the path and set the client address.
 */
export function createFront(options: { appPaths: Iterable<string>; origin?: string }): Front {
  const appPaths = [...options.appPaths];
  const missing = Object.keys(frontRoutes).filter((path) => !appPaths.includes(path));
  if (missing.length) {
    throw new Error(`The front serves routes the build does not have: ${missing.join(", ")}.`);
  }
  // sendResponse leaves exact lengths to the same patch Next's responses go through.
  installContentLengthPassthrough();
  const match = appPathMatcher(appPaths);
  const origin = options.origin ?? nextOrigin;
  const matchTarget = (target = "/") => {
    const query = target.search(/[?#]/);
    const pathname = query === -1 ? target : target.slice(0, query);
    return needsNext(pathname) ? null : match(withoutTrailingSlash(pathname));
  };
  return {
    handle(req, res) {
      const found = matchTarget(req.url);
      const routeModule = found && frontRoutes[found.route];
      if (!found || !routeModule) return false;
      const method = req.method ?? "GET";
      const handler = routeModule[method];
      // Methods the file does not export (405, or HEAD and OPTIONS Next implements): Next's.
      if (typeof handler !== "function") return false;
      const request = toWebRequest(req, res, origin, { nodeBody: nodeBodyRoutes.has(found.route) });
      void (handler as RouteHandler)(request, {
        params: Promise.resolve(found.params),
      })
        .then((response) => sendResponse(req, res, response))
        .catch((error: unknown) => {
          logIfInternal(toAppError(error));
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy();
        });
      return true;
    },
    upgrade(req, socket, head) {
      const found = matchTarget(req.url);
      if (found?.route !== spaceAppRoute || req.headers.upgrade?.toLowerCase() !== "websocket") {
        return false;
      }
      const { section, owner, name, path } = found.params as Record<string, string>;
      if (kindOfSection(section!)?.type !== "space") return false;
      const segments = (path as unknown as string[] | undefined) ?? [];
      void proxySpaceUpgrade(req, socket, head, { owner: owner!, name: name!, segments }).catch(
        (error: unknown) => {
          logIfInternal(toAppError(error));
          socket.destroy();
        },
      );
      return true;
    },
  };
}
