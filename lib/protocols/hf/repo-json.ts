import "server-only";

import type { RepoRecord } from "@/db/queries/repos";

/** HF's `_id` is a 24-hex object id; ours is the row id, padded to that shape. */
export function hfObjectId(id: number): string {
  return id.toString(16).padStart(24, "0");
}

function hfRepoName(repo: Pick<RepoRecord, "ownerName" | "name">): string {
  return `${repo.ownerName}/${repo.name}`;
}

/** The fields HF puts in list items and repo info (ApiModelInfo / ApiDatasetInfo / ApiSpaceInfo). */
export function repoSummaryJson(repo: RepoRecord): Record<string, unknown> {
  const id = hfRepoName(repo);
  return {
    _id: hfObjectId(repo.id),
    id,
    ...(repo.type === "model" ? { modelId: id } : {}),
    author: repo.ownerName,
    sha: repo.headCommit ?? undefined,
    lastModified: repo.updatedAt.toISOString(),
    createdAt: repo.createdAt.toISOString(),
    private: repo.isPrivate,
    gated: false,
    disabled: false,
    downloads: repo.downloads,
    likes: repo.likes,
    tags: repo.tags,
    ...(repo.description ? { description: repo.description } : {}),
    ...(repo.type === "model" && repo.pipelineTag ? { pipeline_tag: repo.pipelineTag } : {}),
    ...(repo.type === "model" && repo.libraryName ? { library_name: repo.libraryName } : {}),
    ...(repo.type === "space" ? { sdk: repo.sdk ?? undefined } : {}),
  };
}
