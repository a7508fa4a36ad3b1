import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { owners } from "./accounts";

/** Who did what to which resource, for security-relevant changes (tokens, members, settings). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => owners.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    target: text("target").notNull(),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);
