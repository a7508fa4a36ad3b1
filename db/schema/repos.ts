import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { owners, users } from "./accounts";
import { repoFacets, repoTypes } from "./enums";

const timestamp = (name: string) =>
  integer(name, { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

/**
 * One row per model, dataset or Space. The content lives in the bare git repository; this row holds
 * what lists, search and permissions need, kept in step by the indexer after every change.
 */
export const repos = sqliteTable(
  "repos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: repoTypes }).notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    /** Canonical spelling, as given at creation; lookups ignore case. */
    name: text("name").notNull(),
    isPrivate: integer("is_private", { mode: "boolean" }).notNull().default(false),
    description: text("description"),
    // Derived from the card on the default branch by the indexer:
    license: text("license"),
    pipelineTag: text("pipeline_tag"),
    libraryName: text("library_name"),
    sdk: text("sdk"),
    tags: text("tags", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    frameworks: text("frameworks", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    hardware: text("hardware", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    headCommit: text("head_commit"),
    likes: integer("likes").notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
    createdAt: timestamp("created_at"),
    /** Last change to the repository's content or settings. */
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("repos_type_owner_name_idx").on(t.type, t.ownerId, sql`lower(${t.name})`),
    index("repos_type_updated_idx").on(t.type, t.updatedAt),
    index("repos_type_created_idx").on(t.type, t.createdAt),
    index("repos_type_likes_idx").on(t.type, t.likes),
    index("repos_type_downloads_idx").on(t.type, t.downloads),
  ],
);

/** The card labels of a repository, one row per value, for filters and their counts. */
export const repoLabels = sqliteTable(
  "repo_labels",
  {
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    facet: text("facet", { enum: repoFacets }).notNull(),
    value: text("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.repoId, t.facet, t.value] }),
    // With repo_id, facet counts read only the index (no row per label).
    index("repo_labels_facet_value_repo_idx").on(t.facet, t.value, t.repoId),
  ],
);

/**
 * One row whose number changes with every write that can change which repositories a list query
 * matches (triggers in the `search-indexes` migration), so cached list totals and facet counts
 * know when they are stale, whichever process wrote.
 */
export const repoListVersion = sqliteTable("repo_list_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
});

export const repoLikes = sqliteTable(
  "repo_likes",
  {
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at"),
  },
  (t) => [primaryKey({ columns: [t.repoId, t.userId] }), index("repo_likes_user_idx").on(t.userId)],
);

/** One row per repository, day and client: a download is counted once per client per day. */
export const repoDownloads = sqliteTable(
  "repo_downloads",
  {
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    client: text("client").notNull(),
  },
  (t) => [primaryKey({ columns: [t.repoId, t.day, t.client] })],
);
