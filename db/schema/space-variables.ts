import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { spaceVariableKinds } from "./enums";
import { repos } from "./repos";

/**
 * A Space's variables and secrets, one row per name: the key makes a name either a variable or a
 * secret, never both. A variable keeps its value in `value`; a secret keeps only `sealed_value`,
 * its value encrypted with a key only the server has (lib/spaces/secret-box.ts).
 */
export const spaceVariables = sqliteTable(
  "space_variables",
  {
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: spaceVariableKinds }).notNull(),
    value: text("value"),
    sealedValue: text("sealed_value"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.repoId, t.name] })],
);
