import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { owners } from "./accounts";

const timestamp = (name: string) =>
  integer(name, { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

/**
 * OCI repositories (`alice/app`, `base_image/cann`, `spaces/alice/demo`). The owner is the user or
 * organisation the namespace belongs to (for `spaces/{owner}/…`, that Space owner); visibility is
 * decided when the first push creates the repository.
 */
export const registryRepositories = sqliteTable(
  "registry_repositories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    isPrivate: integer("is_private", { mode: "boolean" }).notNull(),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("registry_repositories_name_idx").on(t.name),
    index("registry_repositories_owner_idx").on(t.ownerId),
  ],
);

/**
 * Blobs the registry put into the shared blob store (layers, configs, manifest bytes). Garbage
 * collection only ever considers blobs listed here, so files git LFS stored are never its business.
 * `origin = 'shared'` marks a blob that was already in the store when the registry first received
 * it (someone else, e.g. LFS, owns it too): it is never collected.
 */
export const registryBlobs = sqliteTable(
  "registry_blobs",
  {
    digest: text("digest").primaryKey(),
    size: integer("size").notNull(),
    origin: text("origin", { enum: ["registry", "shared"] }).notNull(),
    createdAt: timestamp("created_at"),
    /** Last time an upload or mount produced this blob; GC leaves recently touched blobs alone. */
    touchedAt: timestamp("touched_at"),
  },
  (t) => [index("registry_blobs_touched_idx").on(t.touchedAt)],
);

/** Which repositories may serve a blob: those it was uploaded to or mounted into. */
export const registryBlobLinks = sqliteTable(
  "registry_blob_links",
  {
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => registryRepositories.id, { onDelete: "cascade" }),
    digest: text("digest")
      .notNull()
      .references(() => registryBlobs.digest, { onDelete: "cascade" }),
    createdAt: timestamp("created_at"),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.digest] }),
    index("registry_blob_links_digest_idx").on(t.digest),
  ],
);

/** Manifests (image manifests and indexes) of a repository; the bytes live in the blob store. */
export const registryManifests = sqliteTable(
  "registry_manifests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => registryRepositories.id, { onDelete: "cascade" }),
    digest: text("digest")
      .notNull()
      .references(() => registryBlobs.digest),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    /** For the referrers API: the manifest this one points at, its artifact type and annotations. */
    subjectDigest: text("subject_digest"),
    artifactType: text("artifact_type"),
    annotations: text("annotations", { mode: "json" }).$type<Record<string, string>>(),
    createdAt: timestamp("created_at"),
  },
  (t) => [
    uniqueIndex("registry_manifests_repo_digest_idx").on(t.repositoryId, t.digest),
    index("registry_manifests_subject_idx").on(t.repositoryId, t.subjectDigest),
    index("registry_manifests_digest_idx").on(t.digest),
  ],
);

/** Every digest a manifest references (config, layers, child manifests): what GC must keep. */
export const registryManifestRefs = sqliteTable(
  "registry_manifest_refs",
  {
    manifestId: integer("manifest_id")
      .notNull()
      .references(() => registryManifests.id, { onDelete: "cascade" }),
    digest: text("digest").notNull(),
    kind: text("kind", { enum: ["config", "layer", "manifest"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.manifestId, t.digest] }),
    index("registry_manifest_refs_digest_idx").on(t.digest),
  ],
);

export const registryTags = sqliteTable(
  "registry_tags",
  {
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => registryRepositories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    manifestId: integer("manifest_id")
      .notNull()
      .references(() => registryManifests.id, { onDelete: "cascade" }),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.name] }),
    index("registry_tags_manifest_idx").on(t.manifestId),
  ],
);

/**
 * Blob upload sessions, persisted so that each PATCH/PUT of one upload may land on any request or
 * server instance. `offset` is the number of verified-written bytes in `tempFile`; `lockedUntil`
 * is a lease held by the request currently appending to it.
 */
export const registryUploads = sqliteTable(
  "registry_uploads",
  {
    id: text("id").primaryKey(),
    repositoryName: text("repository_name").notNull(),
    tempFile: text("temp_file").notNull(),
    offset: integer("offset").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [index("registry_uploads_updated_idx").on(t.updatedAt)],
);
