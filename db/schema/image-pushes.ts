import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { imageTags } from "./images";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * What this hub's registry last received for a catalog tag: the manifest (or index) digest the
 * tag points at, the image's creation time and the labels of its config. One row per tag that is
 * available locally; it goes when the tag is deleted from the registry.
 */
export const imageTagPushes = sqliteTable("image_tag_pushes", {
  tagId: integer("tag_id")
    .primaryKey()
    .references(() => imageTags.id, { onDelete: "cascade" }),
  digest: text("digest").notNull(),
  mediaType: text("media_type").notNull(),
  /** The image config's `created`; null when the config has none. */
  imageCreatedAt: timestamp("image_created_at"),
  labels: text("labels", { mode: "json" })
    .$type<Record<string, string>>()
    .notNull()
    .default(sql`'{}'`),
  pushedAt: timestamp("pushed_at").notNull(),
});
