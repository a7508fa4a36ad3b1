// Client-safe: the page and file URLs of a repository (DESIGN.md §3).
import type { RepoType } from "@/db/schema/enums";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { listQueryString, type RepoListParams } from "./list/list-params";
import { encodeRepoPath } from "./markdown/resolve-url";

export type RepoId = { type: RepoType; owner: string; name: string };

export function listHref(type: RepoType, params: RepoListParams = {}): string {
  return `/${repoTypePlural[type]}${listQueryString(params)}`;
}

/** The create page of a kind (`/models/new`). */
export function newRepoHref(type: RepoType, owner?: string): string {
  return `/${repoTypePlural[type]}/new${owner ? `?owner=${encodeURIComponent(owner)}` : ""}`;
}

export function repoHref(repo: RepoId): string {
  return `/${repoTypePlural[repo.type]}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

function revPath(repo: RepoId, mode: string, rev: string, path = ""): string {
  return `${repoHref(repo)}/${mode}/${encodeURIComponent(rev)}${path ? `/${encodeRepoPath(path)}` : ""}`;
}

export const treeHref = (repo: RepoId, rev: string, path = "") => revPath(repo, "tree", rev, path);
export const blobHref = (repo: RepoId, rev: string, path: string) =>
  revPath(repo, "blob", rev, path);
export const commitsHref = (repo: RepoId, rev: string, path = "") =>
  revPath(repo, "commits", rev, path);
export const uploadHref = (repo: RepoId, rev: string, path = "") =>
  revPath(repo, "upload", rev, path);
export const editHref = (repo: RepoId, rev: string, path: string) =>
  revPath(repo, "edit", rev, path);
/** A new file in `folder` ("" for the root). */
export const newFileHref = (repo: RepoId, rev: string, folder = "") =>
  revPath(repo, "new", rev, folder);
export const commitHref = (repo: RepoId, sha: string) => `${repoHref(repo)}/commit/${sha}`;
export const settingsHref = (repo: RepoId) => `${repoHref(repo)}/settings`;

/** The raw bytes (inline, served inert) or, with `download`, as an attachment. */
export function resolveHref(repo: RepoId, rev: string, path: string, download = false): string {
  return revPath(repo, "resolve", rev, path) + (download ? "?download=true" : "");
}

/** The API routes the browser calls for uploads and commits. */
export function repoApiHref(repo: RepoId, action: "uploads" | "commit"): string {
  return `/api/repos/${repoTypePlural[repo.type]}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/${action}`;
}

/** The git clone URL under the public base URL. */
export function cloneUrl(publicUrl: string, repo: RepoId): string {
  return `${publicUrl.replace(/\/$/, "")}${repoHref(repo)}.git`;
}
