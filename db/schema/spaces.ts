import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { jobs } from "./jobs";
import { repos } from "./repos";

export const spaceBuildStates = [
  "none",
  "queued",
  "building",
  "succeeded",
  "failed",
  "cancelled",
  "config_error",
] as const;
export type SpaceBuildState = (typeof spaceBuildStates)[number];

/**
 * What only a Space has: the state of its image build, and the card fields its list card shows.
 * Its settings (SDK, hardware, base environment) live in its README; this row records what was
 * built from which commit, and the indexer copies the card's look here after every change.
 */
export const spaces = sqliteTable("spaces", {
  repoId: integer("repo_id")
    .primaryKey()
    .references(() => repos.id, { onDelete: "cascade" }),
  buildState: text("build_state", { enum: spaceBuildStates }).notNull().default("none"),
  /** Why the Space cannot be built (config_error), or why its build failed. */
  buildMessage: text("build_message"),
  buildJobId: integer("build_job_id").references(() => jobs.id, { onDelete: "set null" }),
  /** The commit the current (or last) build is of. */
  buildCommit: text("build_commit"),
  /** The image of the last successful build, with the commit it was built from. */
  builtCommit: text("built_commit"),
  image: text("image"),
  imageDigest: text("image_digest"),
  imageSize: integer("image_size"),
  /** The `space-run` job serving the app (or the one that served it last). */
  runJobId: integer("run_job_id").references(() => jobs.id, { onDelete: "set null" }),
  /** A newer run starting; it replaces `runJobId` once it reports its endpoint. */
  nextRunJobId: integer("next_run_job_id").references(() => jobs.id, { onDelete: "set null" }),
  /** A writer paused the Space: no run is started until it is resumed. */
  paused: integer("paused", { mode: "boolean" }).notNull().default(false),
  /** Why the last run failed to start or stopped on its own. */
  runMessage: text("run_message"),
  /**
   * Idle seconds before the app is put to sleep (-1: never); null: the default for its hardware
   * (48 h on CPU, 1 h on an NPU, so that idle apps do not hold the few NPUs there are).
   */
  sleepSeconds: integer("sleep_seconds"),
  /** When the proxy last passed a request to the app (or the run started serving). */
  lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }),
  /** The app was stopped for being idle; the next visit starts it again. */
  sleeping: integer("sleeping", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  // From the card's front matter (`title`, `emoji`, `colorFrom`, `colorTo`, `short_description`):
  title: text("title"),
  emoji: text("emoji"),
  colorFrom: text("color_from"),
  colorTo: text("color_to"),
  shortDescription: text("short_description"),
});
