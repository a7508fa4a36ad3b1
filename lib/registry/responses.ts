import { contentLengthPassthrough } from "@/lib/http/content-length";

/** Sent on every registry response; clients use it to recognise a v2 registry. */
export const registryHeaders = { "Docker-Distribution-API-Version": "registry/2.0" } as const;

/**
 * A registry response with the common headers; HEAD requests get the headers without the body.
 * A Content-Length is also sent in the header Next.js lets through (see `lib/http/content-length`).
 */
export function registryResponse(
  request: Request,
  body: BodyInit | null,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers: Record<string, string> = { ...registryHeaders, ...init.headers };
  const length = headers["Content-Length"];
  if (length !== undefined) headers[contentLengthPassthrough] = length;
  return new Response(request.method === "HEAD" ? null : body, {
    status: init.status ?? 200,
    headers,
  });
}

/** A JSON registry response with an exact Content-Length. */
export function registryJson(
  request: Request,
  value: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const body = JSON.stringify(value);
  return registryResponse(request, body, {
    status: init.status,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(body)),
      ...init.headers,
    },
  });
}

/** The empty body of 201/202/204 answers, with the `Content-Length: 0` clients expect. */
export function registryEmpty(
  request: Request,
  status: number,
  headers: Record<string, string> = {},
): Response {
  return registryResponse(request, null, {
    status,
    headers: { "Content-Length": "0", ...headers },
  });
}
