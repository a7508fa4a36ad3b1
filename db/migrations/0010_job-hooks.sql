ALTER TABLE `jobs` ADD `dedupe_key` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `hook_done_at` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `hook_claimed_until` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe_key_idx` ON `jobs` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `jobs_hook_owed_idx` ON `jobs` (`finished_at`) WHERE "jobs"."hook_done_at" IS NULL AND "jobs"."finished_at" IS NOT NULL;--> statement-breakpoint
-- Jobs that ended before hooks existed owe none.
UPDATE `jobs` SET `hook_done_at` = `finished_at` WHERE `finished_at` IS NOT NULL;