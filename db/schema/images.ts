import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { owners } from "./accounts";
import {
  imageCategories,
  imageHardware,
  imageVisibilities,
  type FrameworkName,
  type ImageSource,
} from "./image-enums";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * The image center's repositories, e.g. `base_image/openmind`. `ownerId` is null for the hub's own
 * stack (managed by site admins); a private repository is visible only to those its owner allows.
 */
export const imageRepositories = sqliteTable(
  "image_repositories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    namespace: text("namespace").notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: imageCategories }).notNull(),
    description: text("description").notNull().default(""),
    visibility: text("visibility", { enum: imageVisibilities }).notNull().default("public"),
    ownerId: integer("owner_id").references(() => owners.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("image_repositories_path_idx").on(t.namespace, t.name),
    index("image_repositories_category_idx").on(t.category),
  ],
);

/**
 * Tags, with the variables their tag names (null when the tag does not follow the stack grammar,
 * e.g. `latest`). `osVersion` and `chip` hold what the tag implies when it does not name them.
 */
export const imageTags = sqliteTable(
  "image_tags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => imageRepositories.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
    os: text("os"),
    osVersion: text("os_version"),
    python: text("python"),
    cann: text("cann"),
    chip: text("chip"),
    /** In tag order; the two columns below repeat them for filtering. */
    frameworks: text("frameworks", { mode: "json" })
      .$type<{ name: FrameworkName; version: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    pytorchVersion: text("pytorch_version"),
    mindsporeVersion: text("mindspore_version"),
    openmindVersion: text("openmind_version"),
    hardware: text("hardware", { enum: imageHardware }),
    /** Offered as a Space base environment / a model CI environment. */
    space: integer("space", { mode: "boolean" }).notNull().default(false),
    modelCi: integer("model_ci", { mode: "boolean" }).notNull().default(false),
    /** Other registries that publish this tag. */
    sources: text("sources", { mode: "json" })
      .$type<ImageSource[]>()
      .notNull()
      .default(sql`'[]'`),
    /** This hub's registry holds the tag (set when it is pushed here). */
    availableLocally: integer("available_locally", { mode: "boolean" }).notNull().default(false),
    /** When the tag last changed; null when unknown (seeded from a listing without dates). */
    updatedAt: timestamp("updated_at"),
    createdAt: timestamp("created_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("image_tags_repository_tag_idx").on(t.repositoryId, t.tag),
    index("image_tags_selection_idx").on(t.openmindVersion, t.hardware),
  ],
);

/** One manifest per architecture of a tag; digest and size are null until known. */
export const imageManifests = sqliteTable(
  "image_manifests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => imageTags.id, { onDelete: "cascade" }),
    arch: text("arch").notNull(),
    digest: text("digest"),
    size: integer("size"),
  },
  (t) => [uniqueIndex("image_manifests_tag_arch_idx").on(t.tagId, t.arch)],
);
