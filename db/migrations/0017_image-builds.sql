CREATE TABLE `image_build_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`build_id` integer NOT NULL,
	`position` integer NOT NULL,
	`node_id` text NOT NULL,
	`image` text NOT NULL,
	`arch` text NOT NULL,
	`parent_step_id` integer,
	`from_image` text,
	`cache_key` text NOT NULL,
	`action` text NOT NULL,
	`state` text NOT NULL,
	`job_id` integer,
	`digest` text,
	`size` integer,
	`blocked_by` text,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`build_id`) REFERENCES `image_builds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `image_build_steps_build` ON `image_build_steps` (`build_id`,`position`);--> statement-breakpoint
CREATE INDEX `image_build_steps_key` ON `image_build_steps` (`image`,`arch`,`cache_key`);--> statement-breakpoint
CREATE INDEX `image_build_steps_job` ON `image_build_steps` (`job_id`);--> statement-breakpoint
CREATE TABLE `image_builds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`selection` text NOT NULL,
	`arches` text,
	`state` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
