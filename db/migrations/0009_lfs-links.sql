CREATE TABLE `repo_lfs_objects` (
	`repo_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`repo_id`, `sha256`),
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `repo_lfs_objects_sha256_idx` ON `repo_lfs_objects` (`sha256`);