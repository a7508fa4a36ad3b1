import "server-only";

import { randomUUID } from "node:crypto";

import type { RepoType } from "@/db/schema/enums";
import { getConfig } from "@/lib/config";
import type { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";

/** Where the HF-compatible API is mounted: clients use `hubUrl` / `HF_ENDPOINT` = this. */
export function hfEndpoint(): string {
  return `${getConfig().publicUrl}/hf`;
}

/** The path prefix of a repository type in file and git URLs (models have none). */
export function hfRepoPrefix(type: RepoType): string {
  return type === "model" ? "" : `${type}s/`;
}

/** `{endpoint}/{prefix}{owner}/{name}`: the URL both clients parse a repo id back out of. */
export function hfRepoUrl(ref: RepoRef): string {
  return `${hfEndpoint()}/${hfRepoPrefix(ref.type)}${ref.owner}/${ref.name}`;
}

/** HF's `Link` header format: an absolute URL, a quoted rel after one space (parseLinkHeader). */
export function nextLink(url: string): Record<string, string> {
  return { Link: `<${url}>; rel="next"` };
}

/** Header values must be Latin-1; messages are English sentences, but names may not be. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 500);
}

/**
 * Errors as both HF clients read them: the JS client takes `error` from a JSON body, Python
 * takes `X-Error-Code` (RepoNotFound, RevisionNotFound, EntryNotFound) and `X-Error-Message`.
 */
export function renderHfError(error: AppError, extra: Record<string, unknown> = {}): Response {
  const requestId = randomUUID();
  return Response.json(
    { ...extra, error: error.message },
    {
      status: error.status,
      headers: {
        ...error.headers,
        "X-Error-Message": headerSafe(error.message),
        "X-Request-Id": requestId,
      },
    },
  );
}

const exposed = [
  "X-Repo-Commit",
  "X-Request-Id",
  "X-Error-Code",
  "X-Error-Message",
  "X-Total-Count",
  "ETag",
  "Link",
  "Accept-Ranges",
  "Content-Range",
  "Content-Length",
  "X-Linked-Size",
  "X-Linked-ETag",
].join(",");

/**
 * CORS as on the Hub: any origin may call the API with a token (never with cookies: `*` rules
 * credentialed requests out), and the headers clients read are exposed.
 */
export function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", "*");
  headers.set("Access-Control-Expose-Headers", exposed);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
      "Access-Control-Allow-Headers":
        "Authorization, Content-Type, Range, Accept, X-Request-Id, If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
