// Plain value lists shared by the schema, validation and the UI (no drizzle imports here,
// so client components can use them).

export const memberRoles = ["read", "write", "admin"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const tokenScopes = ["read", "write"] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** The kinds of repositories the hub hosts; Spaces share the same storage. */
export const repoTypes = ["model", "dataset", "space"] as const;
export type RepoType = (typeof repoTypes)[number];

/** The card labels a repository list can be filtered by. */
export const repoFacets = [
  "task",
  "library",
  "framework",
  "hardware",
  "license",
  "language",
  "dataset",
  "size",
  /** The models a Space's card names (`models:`), for "Spaces using this model". */
  "model",
  /** A Space's SDK (`sdk:` in its card: gradio, static, docker). */
  "sdk",
  /** The card's own `tags:` (the derived filter tags are in `repos.tags`). */
  "tag",
] as const;
export type RepoFacet = (typeof repoFacets)[number];

/** A Space's settings for its app: a variable is public and a build arg; a secret is neither. */
export const spaceVariableKinds = ["variable", "secret"] as const;
export type SpaceVariableKind = (typeof spaceVariableKinds)[number];
