-- Added without defaults on purpose: every database is built fresh by the seeder, so these tables are empty here,
-- and a default would let a record without `concerns` or `origin` through.
ALTER TABLE `events` ADD `concerns_azerbaijanis` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `concerns_armenians` integer NOT NULL;--> statement-breakpoint
CREATE INDEX `events_concerns_idx` ON `events` (`concerns_azerbaijanis`,`concerns_armenians`);--> statement-breakpoint
ALTER TABLE `sources` ADD `origin` text NOT NULL;--> statement-breakpoint
ALTER TABLE `statistics` ADD `concerns_azerbaijanis` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `statistics` ADD `concerns_armenians` integer NOT NULL;