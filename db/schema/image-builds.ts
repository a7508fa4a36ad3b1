import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./accounts";
import { jobs } from "./jobs";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const imageBuildStepStates = [
  "waiting",
  "queued",
  "building",
  "pushed",
  "reused",
  "failed",
  "blocked",
] as const;
export type ImageBuildStepState = (typeof imageBuildStepStates)[number];

/** One run of a build plan of the image stack, started by an administrator. */
export const imageBuilds = sqliteTable("image_builds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** What was asked for, as the CLI spells it: `--tag base_image/cann:…`, `--under …`, `--all`. */
  selection: text("selection").notNull(),
  /** The architectures asked for (comma-separated); null: each node's own. */
  arches: text("arches"),
  state: text("state", { enum: ["running", "succeeded", "failed"] }).notNull(),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at").notNull(),
  finishedAt: timestamp("finished_at"),
});

/**
 * One node × architecture of a build, in plan order. A step whose parent is not yet pushed waits;
 * its job is enqueued once the parent's digest is known, and its cache key is then final (it
 * hashes that digest). Pushed steps are the record that later plans reuse.
 */
export const imageBuildSteps = sqliteTable(
  "image_build_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buildId: integer("build_id")
      .notNull()
      .references(() => imageBuilds.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The stack node, `repository:tag`. */
    nodeId: text("node_id").notNull(),
    /** `base_image/<repository>:<tag>`. */
    image: text("image").notNull(),
    arch: text("arch").notNull(),
    parentStepId: integer("parent_step_id"),
    /** The upstream base of a root node (before the mirror). */
    fromImage: text("from_image"),
    cacheKey: text("cache_key").notNull(),
    action: text("action", { enum: ["build", "reuse"] }).notNull(),
    state: text("state", { enum: imageBuildStepStates }).notNull(),
    jobId: integer("job_id").references(() => jobs.id, { onDelete: "set null" }),
    /** The per-arch image manifest, once pushed (or the reused build's). */
    digest: text("digest"),
    /** Compressed size of the per-arch image (config + layers). */
    size: integer("size"),
    /** The image whose failure stops this step. */
    blockedBy: text("blocked_by"),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    index("image_build_steps_build").on(t.buildId, t.position),
    index("image_build_steps_key").on(t.image, t.arch, t.cacheKey),
    index("image_build_steps_job").on(t.jobId),
  ],
);
