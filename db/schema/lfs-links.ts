import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { repos } from "./repos";

/**
 * Which LFS objects belong to which repository. The blob store is shared and deduplicated, so
 * knowing a sha256 must not be enough to read or claim content: an object is linked to a
 * repository only when its bytes were uploaded to that repository (LFS batch) or a server-side
 * commit of that repository stored them. The LFS and HF protocols serve and accept only linked
 * objects.
 */
export const repoLfsObjects = sqliteTable(
  "repo_lfs_objects",
  {
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.repoId, t.sha256] }),
    index("repo_lfs_objects_sha256_idx").on(t.sha256),
  ],
);
