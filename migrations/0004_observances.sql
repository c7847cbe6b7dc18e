CREATE TABLE `observances` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`day` text NOT NULL,
	`established_by_event_id` text,
	FOREIGN KEY (`established_by_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observances_seq_unique` ON `observances` (`seq`);--> statement-breakpoint
CREATE INDEX `observances_day_idx` ON `observances` (`day`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_citations` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`quote` text,
	`start` integer,
	`end` integer,
	`note` text,
	`record_type` text NOT NULL,
	`event_id` text,
	`place_slug` text,
	`place_name_id` integer,
	`actor_id` text,
	`agreement_id` text,
	`provision_id` integer,
	`statistic_id` text,
	`claim_id` text,
	`observance_id` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_name_id`) REFERENCES `place_names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provision_id`) REFERENCES `agreement_provisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statistic_id`) REFERENCES `statistics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observance_id`) REFERENCES `observances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "citations_one_record" CHECK(("__new_citations"."event_id" IS NOT NULL) + ("__new_citations"."place_slug" IS NOT NULL) + ("__new_citations"."place_name_id" IS NOT NULL) + ("__new_citations"."actor_id" IS NOT NULL) + ("__new_citations"."agreement_id" IS NOT NULL) + ("__new_citations"."provision_id" IS NOT NULL) + ("__new_citations"."statistic_id" IS NOT NULL) + ("__new_citations"."claim_id" IS NOT NULL) + ("__new_citations"."observance_id" IS NOT NULL) = 1),
	CONSTRAINT "citations_offsets" CHECK(("__new_citations"."quote" IS NULL) = ("__new_citations"."start" IS NULL) AND ("__new_citations"."start" IS NULL) = ("__new_citations"."end" IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_citations`("id", "source_id", "quote", "start", "end", "note", "record_type", "event_id", "place_slug", "place_name_id", "actor_id", "agreement_id", "provision_id", "statistic_id", "claim_id", "observance_id") SELECT "id", "source_id", "quote", "start", "end", "note", "record_type", "event_id", "place_slug", "place_name_id", "actor_id", "agreement_id", "provision_id", "statistic_id", "claim_id", NULL FROM `citations`;--> statement-breakpoint
DROP TABLE `citations`;--> statement-breakpoint
ALTER TABLE `__new_citations` RENAME TO `citations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `citations_source_idx` ON `citations` (`source_id`,`start`);--> statement-breakpoint
CREATE INDEX `citations_event_idx` ON `citations` (`event_id`);--> statement-breakpoint
CREATE INDEX `citations_place_idx` ON `citations` (`place_slug`);--> statement-breakpoint
CREATE INDEX `citations_place_name_idx` ON `citations` (`place_name_id`);--> statement-breakpoint
CREATE INDEX `citations_actor_idx` ON `citations` (`actor_id`);--> statement-breakpoint
CREATE INDEX `citations_agreement_idx` ON `citations` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `citations_provision_idx` ON `citations` (`provision_id`);--> statement-breakpoint
CREATE INDEX `citations_statistic_idx` ON `citations` (`statistic_id`);--> statement-breakpoint
CREATE INDEX `citations_claim_idx` ON `citations` (`claim_id`);--> statement-breakpoint
CREATE INDEX `citations_observance_idx` ON `citations` (`observance_id`);