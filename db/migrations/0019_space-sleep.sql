ALTER TABLE `spaces` ADD `sleep_seconds` integer;--> statement-breakpoint
ALTER TABLE `spaces` ADD `last_active_at` integer;--> statement-breakpoint
ALTER TABLE `spaces` ADD `sleeping` integer DEFAULT false NOT NULL;