import type { RepoType } from "@/db/schema/enums";

/**
 * Plural URL/storage segment of each repo type (`/models/…`, `git/models/…`). In a module of its
 * own, without zod, because the header and the navigation indicator need it on every page.
 */
export const repoTypePlural = {
  model: "models",
  dataset: "datasets",
  space: "spaces",
} as const satisfies Record<RepoType, string>;
