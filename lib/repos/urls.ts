// Client-safe: the page and file URLs of a repository (DESIGN.md §3).
import type { RepoType } from "@/db/schema/enums";
import type { RepoRef } from "@/lib/hub/types";
import { repoTypePlural } from "@/lib/repos/type-plural";

import { listQueryString, type RepoListParams } from "./list/list-params";
import { encodeRepoPath } from "./markdown/resolve-url";

export function listHref(type: RepoType, params: RepoListParams = {}): string {
  return `/${repoTypePlural[type]}${listQueryString(params)}`;
}

/** The create page of a kind (`/models/new`). */
export function newRepoHref(type: RepoType, owner?: string): string {
  return `/${repoTypePlural[type]}/new${owner ? `?owner=${encodeURIComponent(owner)}` : ""}`;
}

export function repoHref(repo: RepoRef): string {
  return `/${repoTypePlural[repo.type]}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

function revPath(repo: RepoRef, mode: string, rev: string, path = ""): string {
  return `${repoHref(repo)}/${mode}/${encodeURIComponent(rev)}${path ? `/${encodeRepoPath(path)}` : ""}`;
}

export const treeHref = (repo: RepoRef, rev: string, path = "") => revPath(repo, "tree", rev, path);
export const blobHref = (repo: RepoRef, rev: string, path: string) =>
  revPath(repo, "blob", rev, path);
export const commitsHref = (repo: RepoRef, rev: string, path = "") =>
  revPath(repo, "commits", rev, path);
export const uploadHref = (repo: RepoRef, rev: string, path = "") =>
  revPath(repo, "upload", rev, path);
export const editHref = (repo: RepoRef, rev: string, path: string) =>
  revPath(repo, "edit", rev, path);
/** A new file in `folder` ("" for the root). */
export const newFileHref = (repo: RepoRef, rev: string, folder = "") =>
  revPath(repo, "new", rev, folder);
export const commitHref = (repo: RepoRef, sha: string) => `${repoHref(repo)}/commit/${sha}`;
export const settingsHref = (repo: RepoRef) => `${repoHref(repo)}/settings`;
/** Branches and tags, with the create form starting at `from`. */
export const refsHref = (repo: RepoRef, from?: string) =>
  `${repoHref(repo)}/refs${from ? `?from=${encodeURIComponent(from)}` : ""}`;

/** The raw bytes (inline, served inert) or, with `download`, as an attachment. */
export function resolveHref(repo: RepoRef, rev: string, path: string, download = false): string {
  return revPath(repo, "resolve", rev, path) + (download ? "?download=true" : "");
}

/** The API routes the browser calls for uploads and commits. */
export function repoApiHref(repo: RepoRef, action: "uploads" | "commit"): string {
  return `/api/repos/${repoTypePlural[repo.type]}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/${action}`;
}

/** The git clone URL under the public base URL. */
export function cloneUrl(publicUrl: string, repo: RepoRef): string {
  return `${publicUrl.replace(/\/$/, "")}${repoHref(repo)}.git`;
}
