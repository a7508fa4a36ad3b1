import type { RepoType } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { repoTypeOfSegment } from "@/lib/validation/repo-names";

/** The endpoints of the HF-compatible API, as found from a path below `/hf`. */
export type HfRoute =
  | { kind: "whoami" }
  | { kind: "validate-yaml" }
  | { kind: "repos-create" | "repos-delete" | "repos-move" }
  | { kind: "list"; type: RepoType }
  | { kind: "info"; repo: RepoRef; rev: string | null }
  | { kind: "tree"; repo: RepoRef; rev: string; path: string }
  | { kind: "paths-info" | "preupload" | "commit" | "commits"; repo: RepoRef; rev: string }
  | { kind: "refs" | "settings"; repo: RepoRef }
  | { kind: "runtime"; repo: RepoRef }
  /** `huggingface_hub`'s `pause_space`, `restart_space` and `set_space_sleep_time`. */
  | { kind: "space-control"; repo: RepoRef; action: "pause" | "restart" | "sleeptime" }
  | { kind: "space-logs"; repo: RepoRef; which: "build" | "run" }
  | { kind: "branch"; repo: RepoRef; branch: string }
  | { kind: "tag"; repo: RepoRef; name: string }
  | { kind: "resolve"; repo: RepoRef; rev: string; path: string; raw: boolean }
  | { kind: "lfs"; repo: RepoRef; path: string[] }
  | { kind: "git-info"; repo: RepoRef; path: string[] }
  | { kind: "git-rpc"; repo: RepoRef; service: "git-upload-pack" | "git-receive-pack" }
  /** The repo (or commit) URLs the API hands out, which lead to the site's pages. */
  | { kind: "web"; repo: RepoRef; commit?: string };

/** Splits a raw path into decoded segments: clients encode `/` inside revisions and paths as %2F. */
export function decodeSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new AppError("bad_request", "The URL is not correctly encoded.");
      }
    });
}

/**
 * A revision followed by a path, as in `tree/{rev}/{path}`: one segment, which clients encode
 * when it holds '/', except `refs/…` names sent unencoded (`refs/pr/1`), which take three.
 */
function splitRevision(segments: string[]): { rev: string; rest: string[] } | null {
  if (segments.length === 0) return null;
  const take = segments[0] === "refs" && segments.length >= 3 ? 3 : 1;
  return { rev: segments.slice(0, take).join("/"), rest: segments.slice(take) };
}

const notFound = () => new AppError("not_found", "There is no API endpoint at this path.");

function parseApi(segments: string[]): HfRoute {
  const [area, ...rest] = segments;
  if (area === "whoami-v2" && rest.length === 0) return { kind: "whoami" };
  if (area === "validate-yaml" && rest.length === 0) return { kind: "validate-yaml" };
  if (area === "repos" && rest.length === 1) {
    if (rest[0] === "create") return { kind: "repos-create" };
    if (rest[0] === "delete") return { kind: "repos-delete" };
    if (rest[0] === "move") return { kind: "repos-move" };
  }
  const type = area ? repoTypeOfSegment(area) : undefined;
  if (!type) throw notFound();
  if (rest.length === 0) return { kind: "list", type };
  const [owner, name, action, ...tail] = rest;
  if (!owner || !name) throw notFound();
  const repo = { type, owner, name };
  const joined = tail.join("/");
  switch (action) {
    case undefined:
      return { kind: "info", repo, rev: null };
    case "revision":
      if (joined) return { kind: "info", repo, rev: joined };
      break;
    case "tree": {
      const split = splitRevision(tail);
      if (split) return { kind: "tree", repo, rev: split.rev, path: split.rest.join("/") };
      break;
    }
    case "paths-info":
    case "preupload":
    case "commit":
    case "commits":
      if (joined) return { kind: action, repo, rev: joined };
      break;
    case "refs":
    case "settings":
      if (tail.length === 0) return { kind: action, repo };
      break;
    case "runtime":
      if (type === "space" && tail.length === 0) return { kind: "runtime", repo };
      break;
    case "pause":
    case "restart":
    case "sleeptime":
      if (type === "space" && tail.length === 0) return { kind: "space-control", repo, action };
      break;
    case "logs":
      if (type === "space" && (joined === "build" || joined === "run")) {
        return { kind: "space-logs", repo, which: joined };
      }
      break;
    case "branch":
      if (joined) return { kind: "branch", repo, branch: joined };
      break;
    case "tag":
      if (joined) return { kind: "tag", repo, name: joined };
      break;
  }
  throw notFound();
}

/** Parses the decoded segments of a path below `/hf`. */
export function parseHfPath(segments: string[]): HfRoute {
  if (segments[0] === "api") return parseApi(segments.slice(1));
  const typed = segments[0] ? repoTypeOfSegment(segments[0]) : undefined;
  const [owner, rawName, action, ...tail] = typed ? segments.slice(1) : segments;
  const type = typed ?? "model";
  if (!owner || !rawName) throw notFound();
  if (rawName.endsWith(".git") || action === "info" || action?.startsWith("git-")) {
    const repo = { type, owner, name: rawName.replace(/\.git$/, "") };
    if (action === "info" && tail[0] === "lfs" && rawName.endsWith(".git"))
      return { kind: "lfs", repo, path: tail.slice(1) };
    if (action === "info") return { kind: "git-info", repo, path: tail };
    if ((action === "git-upload-pack" || action === "git-receive-pack") && tail.length === 0)
      return { kind: "git-rpc", repo, service: action };
    throw notFound();
  }
  if (action === undefined) return { kind: "web", repo: { type, owner, name: rawName } };
  if (action === "commit" && tail.length === 1)
    return { kind: "web", repo: { type, owner, name: rawName }, commit: tail[0] };
  if (action === "resolve" || action === "raw") {
    const split = splitRevision(tail);
    if (split && split.rest.length > 0)
      return {
        kind: "resolve",
        repo: { type, owner, name: rawName },
        rev: split.rev,
        path: split.rest.join("/"),
        raw: action === "raw",
      };
  }
  throw notFound();
}
