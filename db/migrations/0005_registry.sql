CREATE TABLE `registry_blob_links` (
	`repository_id` integer NOT NULL,
	`digest` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`repository_id`, `digest`),
	FOREIGN KEY (`repository_id`) REFERENCES `registry_repositories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest`) REFERENCES `registry_blobs`(`digest`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `registry_blob_links_digest_idx` ON `registry_blob_links` (`digest`);--> statement-breakpoint
CREATE TABLE `registry_blobs` (
	`digest` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer NOT NULL,
	`touched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `registry_blobs_touched_idx` ON `registry_blobs` (`touched_at`);--> statement-breakpoint
CREATE TABLE `registry_manifest_refs` (
	`manifest_id` integer NOT NULL,
	`digest` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`manifest_id`, `digest`),
	FOREIGN KEY (`manifest_id`) REFERENCES `registry_manifests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `registry_manifest_refs_digest_idx` ON `registry_manifest_refs` (`digest`);--> statement-breakpoint
CREATE TABLE `registry_manifests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repository_id` integer NOT NULL,
	`digest` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`subject_digest` text,
	`artifact_type` text,
	`annotations` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`repository_id`) REFERENCES `registry_repositories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest`) REFERENCES `registry_blobs`(`digest`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registry_manifests_repo_digest_idx` ON `registry_manifests` (`repository_id`,`digest`);--> statement-breakpoint
CREATE INDEX `registry_manifests_subject_idx` ON `registry_manifests` (`repository_id`,`subject_digest`);--> statement-breakpoint
CREATE INDEX `registry_manifests_digest_idx` ON `registry_manifests` (`digest`);--> statement-breakpoint
CREATE TABLE `registry_repositories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`owner_id` integer NOT NULL,
	`is_private` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registry_repositories_name_idx` ON `registry_repositories` (`name`);--> statement-breakpoint
CREATE INDEX `registry_repositories_owner_idx` ON `registry_repositories` (`owner_id`);--> statement-breakpoint
CREATE TABLE `registry_tags` (
	`repository_id` integer NOT NULL,
	`name` text NOT NULL,
	`manifest_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`repository_id`, `name`),
	FOREIGN KEY (`repository_id`) REFERENCES `registry_repositories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manifest_id`) REFERENCES `registry_manifests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `registry_tags_manifest_idx` ON `registry_tags` (`manifest_id`);--> statement-breakpoint
CREATE TABLE `registry_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`repository_name` text NOT NULL,
	`temp_file` text NOT NULL,
	`offset` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `registry_uploads_updated_idx` ON `registry_uploads` (`updated_at`);