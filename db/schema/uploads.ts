import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./accounts";
import { repos } from "./repos";

/**
 * Files uploaded in the browser and waiting to be committed. Each one was streamed to a temp file
 * in the blob store's temp area (hashed on the way); a commit request names them by id. Only the
 * user who uploaded a file may commit it, only to the repository it was uploaded for, and only
 * until it expires (expired rows and their files are swept).
 */
export const stagedUploads = sqliteTable(
  "staged_uploads",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    tempFile: text("temp_file").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("staged_uploads_user_idx").on(t.userId),
    index("staged_uploads_expires_idx").on(t.expiresAt),
  ],
);
