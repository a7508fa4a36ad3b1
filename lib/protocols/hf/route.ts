import "server-only";

import { route, type ErrorRenderer } from "@/lib/http/route";
import { renderGitError } from "@/lib/protocols/git/errors";
import { renderLfsError } from "@/lib/protocols/lfs/errors";

import { dispatchHf } from "./dispatch";
import { decodeSegments, parseHfPath } from "./hf-path";
import { preflight, renderHfError, withCors } from "./responses";

const prefix = "/hf";

function segmentsOf(request: Request): string[] {
  const pathname = new URL(request.url).pathname;
  return decodeSegments(pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname);
}

/** Errors in the shape of the protocol the path belongs to: LFS, git, or the HF API. */
const renderError: ErrorRenderer = (error, request) => {
  const path = new URL(request.url).pathname;
  if (path.includes(".git/info/lfs/")) return renderLfsError(error);
  if (/\/(info\/refs|git-upload-pack|git-receive-pack)$/.test(path)) return renderGitError(error);
  return renderHfError(error);
};

const handler = route({ renderError }, async (request, { caller }) =>
  dispatchHf(request, caller, parseHfPath(segmentsOf(request))),
);

/** The one route handler behind `/hf/[...path]`; every answer carries the Hub's CORS headers. */
export async function hfRoute(
  request: Request,
  ctx: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  if (request.method === "OPTIONS") return withCors(preflight());
  return withCors(await handler(request, ctx as never));
}
