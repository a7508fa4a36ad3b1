import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Every blob git LFS has stored or accepted (sha256 hex). The blob store is shared with the OCI
 * registry; registry garbage collection never deletes a blob listed here.
 */
export const lfsObjects = sqliteTable("lfs_objects", {
  sha256: text("sha256").primaryKey(),
  size: integer("size").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
});
