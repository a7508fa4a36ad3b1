CREATE TABLE `image_manifests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tag_id` integer NOT NULL,
	`arch` text NOT NULL,
	`digest` text,
	`size` integer,
	FOREIGN KEY (`tag_id`) REFERENCES `image_tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `image_manifests_tag_arch_idx` ON `image_manifests` (`tag_id`,`arch`);--> statement-breakpoint
CREATE TABLE `image_repositories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`namespace` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`owner_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `image_repositories_path_idx` ON `image_repositories` (`namespace`,`name`);--> statement-breakpoint
CREATE INDEX `image_repositories_category_idx` ON `image_repositories` (`category`);--> statement-breakpoint
CREATE TABLE `image_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repository_id` integer NOT NULL,
	`tag` text NOT NULL,
	`os` text,
	`os_version` text,
	`python` text,
	`cann` text,
	`chip` text,
	`frameworks` text DEFAULT '[]' NOT NULL,
	`pytorch_version` text,
	`mindspore_version` text,
	`openmind_version` text,
	`hardware` text,
	`space` integer DEFAULT false NOT NULL,
	`model_ci` integer DEFAULT false NOT NULL,
	`sources` text DEFAULT '[]' NOT NULL,
	`available_locally` integer DEFAULT false NOT NULL,
	`updated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`repository_id`) REFERENCES `image_repositories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `image_tags_repository_tag_idx` ON `image_tags` (`repository_id`,`tag`);--> statement-breakpoint
CREATE INDEX `image_tags_selection_idx` ON `image_tags` (`openmind_version`,`hardware`);