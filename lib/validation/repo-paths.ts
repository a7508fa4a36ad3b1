import { z } from "zod";

/**
 * Rules for file paths inside a repository. They refuse anything that could escape a checkout or
 * confuse git or a client's file system: absolute paths, `.`/`..` segments, `.git` in any
 * spelling Windows or macOS would also treat as `.git`, backslashes, NUL and control characters.
 */

const maxRepoPathBytes = 1024;
const maxRepoPathSegmentBytes = 255;

const utf8 = new TextEncoder();
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isDotGit(segment: string): boolean {
  // `.git`, `.GIT`, `.git.` / `.git ` (NTFS drops trailing dots and spaces), `git~1` (8.3 name).
  return /^\.git[. ]*$/i.test(segment) || /^git~\d+$/i.test(segment);
}

/** Why `path` is not acceptable as a repository file path, or null when it is. */
export function repoPathProblem(path: string): string | null {
  if (path.length === 0) return "The path is empty.";
  if (path.includes("\0")) return `The path "${printable(path)}" contains a NUL character.`;
  if (/[\x01-\x1f\x7f]/.test(path))
    return `The path "${printable(path)}" contains control characters.`;
  if (path.includes("\\"))
    return `The path "${printable(path)}" contains a backslash; use '/' between folders.`;
  if (loneSurrogate.test(path)) return `The path "${printable(path)}" is not valid Unicode.`;
  if (path.startsWith("/"))
    return `The path "${printable(path)}" is absolute; give it relative to the repository root.`;
  if (utf8.encode(path).length > maxRepoPathBytes) {
    return `The path "${printable(path)}" is longer than ${maxRepoPathBytes} bytes.`;
  }
  for (const segment of path.split("/")) {
    if (segment === "")
      return `The path "${printable(path)}" has an empty folder name ('//' or a trailing '/').`;
    if (segment === "." || segment === "..")
      return `The path "${printable(path)}" contains a '${segment}' segment.`;
    if (isDotGit(segment))
      return `The path "${printable(path)}" contains '${segment}', which git reserves.`;
    if (utf8.encode(segment).length > maxRepoPathSegmentBytes) {
      return `The path "${printable(path)}" has a name longer than ${maxRepoPathSegmentBytes} bytes.`;
    }
  }
  return null;
}

function printable(path: string): string {
  const shown = path.replace(
    /[\0-\x1f\x7f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return shown.length > 120 ? `${shown.slice(0, 117)}…` : shown;
}

/** A folder path: the same rules, with one trailing '/' allowed (and removed). */
export function normalizeFolderPath(path: string): string {
  return path.endsWith("/") ? path.slice(0, -1) : path;
}

export const repoPathSchema = z.string().superRefine((path, ctx) => {
  const problem = repoPathProblem(path);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
