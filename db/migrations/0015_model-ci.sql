CREATE TABLE `model_ci_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`repo_id` integer NOT NULL,
	`job_id` integer,
	`commit` text NOT NULL,
	`image` text NOT NULL,
	`hardware` text NOT NULL,
	`created_by` integer,
	`trigger` text,
	`created_at` integer NOT NULL,
	`stop_reason` text,
	`finished_at` integer,
	`status` text NOT NULL,
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `model_ci_runs_repo` ON `model_ci_runs` (`repo_id`,`id`);--> statement-breakpoint
CREATE INDEX `model_ci_runs_job` ON `model_ci_runs` (`job_id`);