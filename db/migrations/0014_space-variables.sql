CREATE TABLE `space_variables` (
	`repo_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`value` text,
	`sealed_value` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`repo_id`, `name`),
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
