import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { owners, users } from "./accounts";
import { jobKinds, jobStates, runnerExecutors } from "./job-enums";

export * from "./job-enums";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date());

/** Tokens an admin hands to an operator so a runner can register. Only a SHA-256 is stored. */
export const runnerRegistrationTokens = sqliteTable(
  "runner_registration_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    displayPrefix: text("display_prefix").notNull(),
    description: text("description"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at"),
    /** Null = any number of runners may register with it until it expires or is revoked. */
    maxUses: integer("max_uses"),
    useCount: integer("use_count").notNull().default(0),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [uniqueIndex("runner_registration_tokens_hash_idx").on(t.tokenHash)],
);

export const runners = sqliteTable(
  "runners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    labels: text("labels", { mode: "json" }).$type<Record<string, string>>().notNull(),
    executor: text("executor", { enum: runnerExecutors }).notNull(),
    capacity: integer("capacity").notNull(),
    npuChip: text("npu_chip"),
    /** The `N` of each `/dev/davinciN` the runner offers; which are in use is derived from running jobs. */
    npuDevices: text("npu_devices", { mode: "json" }).$type<number[]>().notNull(),
    version: text("version").notNull(),
    platform: text("platform"),
    /** The embedded runner the server starts itself (shown as such, re-used across restarts). */
    embedded: integer("embedded", { mode: "boolean" }).notNull().default(false),
    registrationTokenId: integer("registration_token_id").references(
      () => runnerRegistrationTokens.id,
      {
        onDelete: "set null",
      },
    ),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("runners_token_hash_idx").on(t.tokenHash)],
);

export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: jobKinds }).notNull(),
    spec: text("spec", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    requiredLabels: text("required_labels", { mode: "json" })
      .$type<Record<string, string>>()
      .notNull(),
    npuCount: integer("npu_count").notNull().default(0),
    timeoutSeconds: integer("timeout_seconds").notNull(),
    state: text("state", { enum: jobStates }).notNull().default("queued"),
    /** How many times a runner has claimed it; a requeue after a lost runner claims it again. */
    attempt: integer("attempt").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(1),
    /** What the job works on, e.g. (`owner`, `12`); decides who may see and control it. */
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    createdBy: integer("created_by").references(() => owners.id, { onDelete: "set null" }),
    retryOf: integer("retry_of"),
    runnerId: integer("runner_id").references(() => runners.id, { onDelete: "set null" }),
    /** Kept after the runner is removed, for the job's history. */
    runnerName: text("runner_name"),
    npuDevices: text("npu_devices", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    /** SHA-256 of the current attempt's job token; cleared when the job is requeued. */
    tokenHash: text("token_hash"),
    grants: text("grants", { mode: "json" })
      .$type<{ clone?: string[]; push?: string[] }>()
      .notNull(),
    leaseUntil: timestamp("lease_until"),
    cancelRequestedAt: timestamp("cancel_requested_at"),
    queuedAt: timestamp("queued_at").notNull(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
    exitCode: integer("exit_code"),
    failureReason: text("failure_reason"),
    /** Bytes of log stored; readers never read past it (a torn write beyond it is overwritten). */
    logSize: integer("log_size").notNull().default(0),
    /** Where the current attempt's log starts. */
    logOffset: integer("log_offset").notNull().default(0),
    /**
     * The URL of the current attempt's service step, as its runner reported it once the service
     * answered; cleared whenever the attempt ends or is requeued, so it never points at a dead one.
     */
    endpoint: text("endpoint"),
    /**
     * Makes enqueueing idempotent for derived work, e.g. `space-build:12:<commit>`: whoever notices
     * a change (the request that made it, or a reconcile after a crash) enqueues, and one job results.
     */
    dedupeKey: text("dedupe_key"),
    /** When the kind's `onFinished` hook completed; null while it is still owed (see job-hooks). */
    hookDoneAt: timestamp("hook_done_at"),
    /** A process running the hook holds it until then; a crash mid-hook lets another run it after. */
    hookClaimedUntil: timestamp("hook_claimed_until"),
  },
  (t) => [
    index("jobs_state_queued_idx").on(t.state, t.queuedAt),
    index("jobs_runner_state_idx").on(t.runnerId, t.state),
    index("jobs_resource_idx").on(t.resourceType, t.resourceId),
    uniqueIndex("jobs_token_hash_idx").on(t.tokenHash),
    uniqueIndex("jobs_dedupe_key_idx").on(t.dedupeKey),
    index("jobs_hook_owed_idx")
      .on(t.finishedAt)
      .where(sql`${t.hookDoneAt} IS NULL AND ${t.finishedAt} IS NOT NULL`),
  ],
);
