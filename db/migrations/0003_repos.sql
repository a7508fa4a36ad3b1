CREATE TABLE `repo_downloads` (
	`repo_id` integer NOT NULL,
	`day` text NOT NULL,
	`client` text NOT NULL,
	PRIMARY KEY(`repo_id`, `day`, `client`),
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `repo_labels` (
	`repo_id` integer NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`repo_id`, `facet`, `value`),
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `repo_labels_facet_idx` ON `repo_labels` (`facet`,`value`);--> statement-breakpoint
CREATE TABLE `repo_likes` (
	`repo_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`repo_id`, `user_id`),
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `repo_likes_user_idx` ON `repo_likes` (`user_id`);--> statement-breakpoint
CREATE TABLE `repos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`owner_id` integer NOT NULL,
	`name` text NOT NULL,
	`is_private` integer DEFAULT false NOT NULL,
	`description` text,
	`license` text,
	`pipeline_tag` text,
	`library_name` text,
	`sdk` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`frameworks` text DEFAULT '[]' NOT NULL,
	`hardware` text DEFAULT '[]' NOT NULL,
	`head_commit` text,
	`likes` integer DEFAULT 0 NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repos_type_owner_name_idx` ON `repos` (`type`,`owner_id`,lower("name"));--> statement-breakpoint
CREATE INDEX `repos_type_updated_idx` ON `repos` (`type`,`updated_at`);--> statement-breakpoint
CREATE INDEX `repos_type_created_idx` ON `repos` (`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `repos_type_likes_idx` ON `repos` (`type`,`likes`);--> statement-breakpoint
CREATE INDEX `repos_type_downloads_idx` ON `repos` (`type`,`downloads`);