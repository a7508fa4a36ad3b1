// Client-safe: the kinds of repository the site hosts, and everything pages, routes, lists, forms
// and the seed need to know about each. Adding a kind is an entry here (plus its strings and what
// is truly its own); the routes under app/[section]/ serve every entry.
import type { RepoType } from "@/db/schema/enums";

import { listFacets, listSorts, type ListFacet, type ListSort } from "./list/list-params";

/** The card labels the create form offers for a kind (the rest are written in the card). */
export type CreateField = "task" | "frameworks" | "hardware" | "space";

/** The tabs of a repository page, in order. A Space's `card` tab is its app. */
export type RepoTabId = "card" | "files" | "commits" | "ci" | "settings";

export type RepoKind = {
  type: RepoType;
  /** The URL segment and storage folder (`/models/…`, `git/models/…`). */
  plural: string;
  createFields: readonly CreateField[];
  /** Which card field holds the kind's task (`pipeline_tag` or `task_categories`). */
  taskField: "pipelineTag" | "taskCategories";
  /** The filters its list offers, in the order shown. */
  facets: readonly ListFacet[];
  /** The orders its list offers. */
  sorts: readonly ListSort[];
  tabs: readonly RepoTabId[];
};

/** The filters of model and dataset lists: every card label but a Space's SDK. */
const cardFacets = listFacets.filter((facet) => facet !== "sdk");

const defineKinds = <T extends Record<string, RepoKind>>(kinds: T) => kinds;

export const repoKinds = defineKinds({
  model: {
    type: "model",
    plural: "models",
    createFields: ["task", "frameworks", "hardware"],
    taskField: "pipelineTag",
    facets: cardFacets,
    sorts: listSorts,
    // Model CI runs a model's inference script (only models have one).
    tabs: ["card", "files", "commits", "ci", "settings"],
  },
  dataset: {
    type: "dataset",
    plural: "datasets",
    createFields: ["task"],
    taskField: "taskCategories",
    facets: cardFacets,
    sorts: listSorts,
    tabs: ["card", "files", "commits", "settings"],
  },
  space: {
    type: "space",
    plural: "spaces",
    // SDK, hardware, base environment, title and emoji; a Space's task is written in its card.
    createFields: ["space"],
    taskField: "pipelineTag",
    facets: ["sdk", "hardware", "framework", "task", "license", "tag"],
    // Spaces are run, not downloaded.
    sorts: ["likes", "updated", "created", "name"],
    tabs: ["card", "files", "commits", "settings"],
  },
});

/** The repository types that have pages on the site. */
export type HostedRepoType = keyof typeof repoKinds;
export const hostedRepoTypes = Object.keys(repoKinds) as HostedRepoType[];

export function isHostedRepoType(type: string): type is HostedRepoType {
  return Object.hasOwn(repoKinds, type);
}

type HostedKind = (typeof repoKinds)[HostedRepoType];

/** The hosted kind a URL section names (`models` → the model kind), or undefined. */
export function kindOfSection(section: string): HostedKind | undefined {
  return (Object.values(repoKinds) as HostedKind[]).find((kind) => kind.plural === section);
}

/** The tabs a repository of this type shows (none for a type the site does not host). */
export function tabsOf(type: RepoType): readonly RepoTabId[] {
  return isHostedRepoType(type) ? repoKinds[type].tabs : [];
}
