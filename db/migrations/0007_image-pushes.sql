CREATE TABLE `image_tag_pushes` (
	`tag_id` integer PRIMARY KEY NOT NULL,
	`digest` text NOT NULL,
	`media_type` text NOT NULL,
	`image_created_at` integer,
	`labels` text DEFAULT '{}' NOT NULL,
	`pushed_at` integer NOT NULL,
	FOREIGN KEY (`tag_id`) REFERENCES `image_tags`(`id`) ON UPDATE no action ON DELETE cascade
);
