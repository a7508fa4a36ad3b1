CREATE TABLE `repo_list_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `repo_labels_facet_idx`;--> statement-breakpoint
CREATE INDEX `repo_labels_facet_value_repo_idx` ON `repo_labels` (`facet`,`value`,`repo_id`);--> statement-breakpoint
-- Cached list totals and facet counts (db/queries/repo-list-cache.ts) are valid for one version; every
-- write that can change what a list query matches or counts moves it, from any process. Likes,
-- downloads and updated_at change only the order, so they do not.
INSERT INTO `repo_list_version` (`id`, `version`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `repo_list_repos_insert` AFTER INSERT ON `repos` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_repos_delete` AFTER DELETE ON `repos` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_repos_update` AFTER UPDATE OF `type`, `owner_id`, `name`, `is_private`, `description`, `tags`, `head_commit` ON `repos` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_labels_insert` AFTER INSERT ON `repo_labels` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_labels_delete` AFTER DELETE ON `repo_labels` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_labels_update` AFTER UPDATE ON `repo_labels` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_owners_update` AFTER UPDATE OF `name` ON `owners` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_memberships_insert` AFTER INSERT ON `memberships` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_memberships_delete` AFTER DELETE ON `memberships` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `repo_list_memberships_update` AFTER UPDATE ON `memberships` BEGIN UPDATE `repo_list_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
