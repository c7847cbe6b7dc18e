PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`parent_id` text,
	`start_date` text NOT NULL,
	`end_date` text,
	`precision` text NOT NULL,
	`date_text` text NOT NULL,
	`edtf` text NOT NULL,
	`month_day` text,
	FOREIGN KEY (`parent_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_events`("id", "seq", "kind", "title", "summary", "parent_id", "start_date", "end_date", "precision", "date_text", "edtf", "month_day") SELECT "id", "seq", "kind", "title", "summary", "parent_id", "start_date", "end_date", "precision", "date_text", "edtf", "month_day" FROM `events`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `events_seq_unique` ON `events` (`seq`);--> statement-breakpoint
CREATE INDEX `events_start_seq_idx` ON `events` (`start_date`,`seq`,`end_date`);--> statement-breakpoint
CREATE INDEX `events_end_idx` ON `events` (`end_date`,`seq`);--> statement-breakpoint
CREATE INDEX `events_kind_start_idx` ON `events` (`kind`,`start_date`,`seq`);--> statement-breakpoint
CREATE INDEX `events_parent_idx` ON `events` (`parent_id`);--> statement-breakpoint
CREATE INDEX `events_month_day_idx` ON `events` (`month_day`);--> statement-breakpoint
ALTER TABLE `statistics` ADD `low` real;--> statement-breakpoint
ALTER TABLE `statistics` ADD `high` real;