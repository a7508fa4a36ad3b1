CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`spec` text NOT NULL,
	`required_labels` text NOT NULL,
	`npu_count` integer DEFAULT 0 NOT NULL,
	`timeout_seconds` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempt` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 1 NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text,
	`created_by` integer,
	`retry_of` integer,
	`runner_id` integer,
	`runner_name` text,
	`npu_devices` text DEFAULT '[]' NOT NULL,
	`token_hash` text,
	`grants` text NOT NULL,
	`lease_until` integer,
	`cancel_requested_at` integer,
	`queued_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`exit_code` integer,
	`failure_reason` text,
	`log_size` integer DEFAULT 0 NOT NULL,
	`log_offset` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`runner_id`) REFERENCES `runners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `jobs_state_queued_idx` ON `jobs` (`state`,`queued_at`);--> statement-breakpoint
CREATE INDEX `jobs_runner_state_idx` ON `jobs` (`runner_id`,`state`);--> statement-breakpoint
CREATE INDEX `jobs_resource_idx` ON `jobs` (`resource_type`,`resource_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_token_hash_idx` ON `jobs` (`token_hash`);--> statement-breakpoint
CREATE TABLE `runner_registration_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`display_prefix` text NOT NULL,
	`description` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`max_uses` integer,
	`use_count` integer DEFAULT 0 NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runner_registration_tokens_hash_idx` ON `runner_registration_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `runners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`labels` text NOT NULL,
	`executor` text NOT NULL,
	`capacity` integer NOT NULL,
	`npu_chip` text,
	`npu_devices` text NOT NULL,
	`version` text NOT NULL,
	`platform` text,
	`embedded` integer DEFAULT false NOT NULL,
	`registration_token_id` integer,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`registration_token_id`) REFERENCES `runner_registration_tokens`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runners_token_hash_idx` ON `runners` (`token_hash`);