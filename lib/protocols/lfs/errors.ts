import "server-only";

import { randomUUID } from "node:crypto";

import type { AppError } from "@/lib/errors";

const lfsContentType = "application/vnd.git-lfs+json";

/** Git LFS API errors: `{ message, request_id }` in the LFS media type (batch.md, "Response Errors"). */
export function renderLfsError(error: AppError): Response {
  const requestId = randomUUID();
  return new Response(JSON.stringify({ message: error.message, request_id: requestId }), {
    status: error.status,
    headers: { ...error.headers, "Content-Type": lfsContentType, "X-Request-Id": requestId },
  });
}

export function lfsJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": lfsContentType },
  });
}
