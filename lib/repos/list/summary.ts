// Client-safe: the small JSON shape lists, cards and the list API share.
import type { RepoListRecord } from "@/db/queries/repo-list";
import type { RepoType } from "@/db/schema/enums";
import type { SpaceBuildState } from "@/db/schema/spaces";

import type { ListCiHardware, ListFacet } from "./list-params";

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
  /** The card's own `tags:`. */
  tags: string[];
  /** A model's "verified on" marks: the hardware its CI passed on (newest result per environment). */
  ciPassed: ListCiHardware[];
  /** A Space's card look and build; null for other kinds. */
  space: SpaceSummary | null;
  likes: number;
  downloads: number;
  createdAt: string;
  updatedAt: string;
};

type SpaceSummary = {
  sdk: string | null;
  title: string | null;
  emoji: string | null;
  colorFrom: string | null;
  colorTo: string | null;
  shortDescription: string | null;
  buildState: SpaceBuildState;
};

type FacetOption = { value: string; count: number };

export type RepoListPage = {
  items: RepoSummary[];
  total: number;
  /** The page's number, or null for a page reached by cursor (`?after=` / `?before=`). */
  page: number | null;
  pageCount: number;
  /** Cursors of the pages after and before this one (null at either end). */
  next: string | null;
  previous: string | null;
  facets: Record<ListFacet, FacetOption[]>;
};

export function toRepoSummary(repo: RepoListRecord, ciPassed: ListCiHardware[] = []): RepoSummary {
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
    tags: repo.cardTags,
    ciPassed,
    space:
      repo.type === "space"
        ? {
            sdk: repo.sdk,
            title: repo.space?.title ?? null,
            emoji: repo.space?.emoji ?? null,
            colorFrom: repo.space?.colorFrom ?? null,
            colorTo: repo.space?.colorTo ?? null,
            shortDescription: repo.space?.shortDescription ?? null,
            buildState: repo.space?.buildState ?? "none",
          }
        : null,
    likes: repo.likes,
    downloads: repo.downloads,
    createdAt: repo.createdAt.toISOString(),
    updatedAt: repo.updatedAt.toISOString(),
  };
}
