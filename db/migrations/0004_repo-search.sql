-- Full-text search over repositories. The trigram tokenizer matches any 3+ character substring in
-- any script, so Chinese card text is searchable without word segmentation. rowid = repos.id; the
-- indexer keeps it in step (lib/repos/indexer.ts).
CREATE VIRTUAL TABLE `repo_search` USING fts5(
	`name`, `owner`, `description`, `card`, `tags`,
	tokenize = 'trigram'
);
