DROP INDEX `events_start_idx`;--> statement-breakpoint
CREATE INDEX `events_start_seq_idx` ON `events` (`start_date`,`seq`,`end_date`);