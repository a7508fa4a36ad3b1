import "server-only";

import { notFound } from "next/navigation";

import { repoPathProblem } from "@/lib/validation/repo-paths";

/**
 * A page's dynamic segment as text: Next hands page params over still percent-encoded (route
 * handlers get them decoded, so they must not use this). A malformed escape is kept as it is (the
 * server refuses such paths before they reach a page; see lib/runtime/request-path.mjs).
 */
export function segmentText(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A catch-all segment (`[...path]`) as a repository path; none (the root) is "". A path no file can
 * have (`..%2Fx`, `.git%2Fconfig`, a NUL…) names nothing, so the page is not found, the same
 * answer as for a path that could exist but does not, instead of an error thrown while rendering.
 */
export function pathText(segments: string[] | undefined): string {
  const path = (segments ?? []).map(segmentText).join("/");
  if (path !== "" && repoPathProblem(path)) notFound();
  return path;
}
