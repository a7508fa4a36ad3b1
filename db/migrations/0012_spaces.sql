CREATE TABLE `spaces` (
	`repo_id` integer PRIMARY KEY NOT NULL,
	`build_state` text DEFAULT 'none' NOT NULL,
	`build_message` text,
	`build_job_id` integer,
	`build_commit` text,
	`built_commit` text,
	`image` text,
	`image_digest` text,
	`image_size` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`build_job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null
);
