CREATE TABLE `record_hashes` (
	`type` text NOT NULL,
	`id` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`type`, `id`)
);
--> statement-breakpoint
CREATE TABLE `release_records` (
	`version` text NOT NULL,
	`type` text NOT NULL,
	`id` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`version`, `type`, `id`),
	FOREIGN KEY (`version`) REFERENCES `releases`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`version` text PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	`date` text NOT NULL,
	`counts` text NOT NULL,
	`notes` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_sequence_unique` ON `releases` (`sequence`);