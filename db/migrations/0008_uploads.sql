CREATE TABLE `staged_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`repo_id` integer NOT NULL,
	`temp_file` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staged_uploads_user_idx` ON `staged_uploads` (`user_id`);--> statement-breakpoint
CREATE INDEX `staged_uploads_expires_idx` ON `staged_uploads` (`expires_at`);