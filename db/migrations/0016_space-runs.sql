ALTER TABLE `spaces` ADD `run_job_id` integer REFERENCES jobs(id);--> statement-breakpoint
ALTER TABLE `spaces` ADD `next_run_job_id` integer REFERENCES jobs(id);--> statement-breakpoint
ALTER TABLE `spaces` ADD `paused` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `run_message` text;