// The route handlers the front serves itself: the hot protocol paths. They are the route files'
// own exports, so the front and Next run the same function for a path; front-routes.test.ts checks
// that this table names exactly the route files under the protocol prefixes, with their methods.
import * as spaceApp from "@/app/[section]/[owner]/[name]/app/[[...path]]/route";
import * as gitReceivePack from "@/app/[section]/[owner]/[name]/git-receive-pack/route";
import * as gitUploadPack from "@/app/[section]/[owner]/[name]/git-upload-pack/route";
import * as gitInfo from "@/app/[section]/[owner]/[name]/info/[...rest]/route";
import * as resolve from "@/app/[section]/[owner]/[name]/resolve/[rev]/[...path]/route";
import * as uploads from "@/app/api/repos/[type]/[owner]/[name]/uploads/route";
import * as runnerHeartbeat from "@/app/api/runner/heartbeat/route";
import * as jobEndpoint from "@/app/api/runner/jobs/[id]/endpoint/route";
import * as jobFinish from "@/app/api/runner/jobs/[id]/finish/route";
import * as jobHeartbeat from "@/app/api/runner/jobs/[id]/heartbeat/route";
import * as jobLog from "@/app/api/runner/jobs/[id]/log/route";
import * as jobRequest from "@/app/api/runner/jobs/request/route";
import * as runnerRegister from "@/app/api/runner/register/route";
import * as hf from "@/app/hf/[...path]/route";
import * as registry from "@/app/v2/[[...path]]/route";
import * as registryToken from "@/app/v2/token/route";

export type RouteHandler = (
  request: Request,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export type RouteModule = Partial<Record<string, unknown>>;

/** App path (as Next's app-path-routes manifest writes it) → the route file's module. */
export const frontRoutes: Record<string, RouteModule> = {
  "/v2/[[...path]]": registry,
  "/v2/token": registryToken,
  "/hf/[...path]": hf,
  "/api/runner/register": runnerRegister,
  "/api/runner/heartbeat": runnerHeartbeat,
  "/api/runner/jobs/request": jobRequest,
  "/api/runner/jobs/[id]/heartbeat": jobHeartbeat,
  "/api/runner/jobs/[id]/log": jobLog,
  "/api/runner/jobs/[id]/finish": jobFinish,
  "/api/runner/jobs/[id]/endpoint": jobEndpoint,
  "/[section]/[owner]/[name]/git-upload-pack": gitUploadPack,
  "/[section]/[owner]/[name]/git-receive-pack": gitReceivePack,
  "/[section]/[owner]/[name]/info/[...rest]": gitInfo,
  "/[section]/[owner]/[name]/resolve/[rev]/[...path]": resolve,
  "/[section]/[owner]/[name]/app/[[...path]]": spaceApp,
  "/api/repos/[type]/[owner]/[name]/uploads": uploads,
};

/**
 * Routes whose handler pipes the Node request itself when the front serves it (the Space app
 * proxy, socket to socket): the front leaves the body on the Node request for them.
 */
export const nodeBodyRoutes = new Set(["/[section]/[owner]/[name]/app/[[...path]]"]);

/**
 * Whether an app path is protocol traffic the front must serve: the registry, the HF API, the
 * runner protocol, git smart HTTP with LFS, file downloads, the Space app proxy, and the browser's
 * file uploads (large raw bodies, which Next's request stream receives at a third of the front's
 * rate). Everything else (pages, JSON APIs for the site) stays with Next.
 */
export function isFrontPath(appPath: string): boolean {
  return (
    /^\/(v2|hf)(\/|$)/.test(appPath) ||
    appPath.startsWith("/api/runner/") ||
    appPath === "/api/repos/[type]/[owner]/[name]/uploads" ||
    /^\/\[section\]\/\[owner\]\/\[name\]\/(git-upload-pack|git-receive-pack|info|resolve|app)(\/|$)/.test(
      appPath,
    )
  );
}

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The HTTP methods a route module exports. */
export function routeMethods(module: RouteModule): string[] {
  return methods.filter((method) => typeof module[method] === "function");
}
