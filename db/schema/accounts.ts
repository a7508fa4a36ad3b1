import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { memberRoles } from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

/**
 * Users and organisations share one namespace (`/{name}` is either), so both are rows of `owners`;
 * the unique index on the lower-cased name makes "Alice" and "alice" the same name.
 */
export const owners = sqliteTable(
  "owners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["user", "org"] }).notNull(),
    displayName: text("display_name"),
    bio: text("bio"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("owners_name_lower_idx").on(sql`lower(${t.name})`)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id")
      .primaryKey()
      .references(() => owners.id, { onDelete: "cascade" }),
    email: text("email"),
    /** Null for accounts that only sign in through OAuth. */
    passwordHash: text("password_hash"),
    isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    orgId: integer("org_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: memberRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/** Links an OAuth identity (GitHub, Gitee) to a local user. */
export const oauthAccounts = sqliteTable(
  "oauth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);
