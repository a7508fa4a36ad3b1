import { AppError } from "@/lib/errors";

export type PathsInfoQuery = { paths: string[]; expand: boolean };

import { isTruthy } from "./tree-json";

/**
 * The body of `POST …/paths-info/{rev}`: JSON `{paths, expand}` from the JS client, or a form
 * `paths=a&paths=b&expand=False` from Python.
 */
export function parsePathsInfoBody(contentType: string | null, raw: string): PathsInfoQuery {
  let paths: unknown;
  let expand: unknown;
  if ((contentType ?? "").toLowerCase().includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(raw);
    paths = form.getAll("paths");
    expand = form.get("expand");
  } else {
    let body: unknown;
    try {
      body = raw.trim() === "" ? {} : JSON.parse(raw);
    } catch {
      throw new AppError(
        "bad_request",
        "The body must be JSON ({paths, expand}) or a form (paths=…).",
      );
    }
    ({ paths, expand } = (body ?? {}) as { paths?: unknown; expand?: unknown });
    if (typeof paths === "string") paths = [paths];
  }
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string")) {
    throw new AppError("bad_request", "paths must be a list of file or folder paths.");
  }
  if (paths.length > 1000) throw new AppError("bad_request", "Ask for at most 1000 paths at once.");
  return { paths, expand: isTruthy(expand) };
}
