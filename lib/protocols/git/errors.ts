import "server-only";

import type { AppError } from "@/lib/errors";

/**
 * Errors for git clients: plain text, which git shows to the user as `remote: …`, with the
 * status git acts on (401 makes it ask for credentials, 404 reads as "repository not found").
 */
export function renderGitError(error: AppError): Response {
  return new Response(`${error.message}\n`, {
    status: error.status,
    headers: {
      ...error.headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-cache",
    },
  });
}
