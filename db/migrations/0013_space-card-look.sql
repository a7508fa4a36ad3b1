ALTER TABLE `spaces` ADD `title` text;--> statement-breakpoint
ALTER TABLE `spaces` ADD `emoji` text;--> statement-breakpoint
ALTER TABLE `spaces` ADD `color_from` text;--> statement-breakpoint
ALTER TABLE `spaces` ADD `color_to` text;--> statement-breakpoint
ALTER TABLE `spaces` ADD `short_description` text;