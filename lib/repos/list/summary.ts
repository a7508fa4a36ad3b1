// Client-safe: the small JSON shape lists, cards and the list API share.
import type { RepoRecord } from "@/db/queries/repos";
import type { RepoType } from "@/db/schema/enums";

import type { ListFacet } from "./list-params";

export type RepoSummary = {
  type: RepoType;
  owner: string;
  name: string;
  isPrivate: boolean;
  description: string | null;
  task: string | null;
  libraryName: string | null;
  license: string | null;
  frameworks: string[];
  hardware: string[];
  likes: number;
  downloads: number;
  createdAt: string;
  updatedAt: string;
};

type FacetOption = { value: string; count: number };

export type RepoListPage = {
  items: RepoSummary[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<ListFacet, FacetOption[]>;
};

export function toRepoSummary(repo: RepoRecord): RepoSummary {
  return {
    type: repo.type,
    owner: repo.ownerName,
    name: repo.name,
    isPrivate: repo.isPrivate,
    description: repo.description,
    task: repo.pipelineTag,
    libraryName: repo.libraryName,
    license: repo.license,
    frameworks: repo.frameworks,
    hardware: repo.hardware,
    likes: repo.likes,
    downloads: repo.downloads,
    createdAt: repo.createdAt.toISOString(),
    updatedAt: repo.updatedAt.toISOString(),
  };
}
