CREATE TABLE `actors` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`affiliation_id` text,
	FOREIGN KEY (`affiliation_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agreement_places` (
	`agreement_id` text NOT NULL,
	`place_slug` text NOT NULL,
	`effect` text NOT NULL,
	`due_on` text,
	`effective_on` text,
	`note` text,
	PRIMARY KEY(`agreement_id`, `place_slug`, `effect`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_places_place_idx` ON `agreement_places` (`place_slug`);--> statement-breakpoint
CREATE TABLE `agreement_provisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`point` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_provisions_agreement_idx` ON `agreement_provisions` (`agreement_id`,`point`);--> statement-breakpoint
CREATE TABLE `agreement_signatories` (
	`agreement_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`office` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`agreement_id`, `actor_id`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`short_title` text NOT NULL,
	`kind` text NOT NULL,
	`signed_on` text NOT NULL,
	`signed_date_text` text NOT NULL,
	`status` text NOT NULL,
	`event_id` text,
	`note` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `citations` (
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
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_name_id`) REFERENCES `place_names`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provision_id`) REFERENCES `agreement_provisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statistic_id`) REFERENCES `statistics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "citations_one_record" CHECK(("citations"."event_id" IS NOT NULL) + ("citations"."place_slug" IS NOT NULL) + ("citations"."place_name_id" IS NOT NULL) + ("citations"."actor_id" IS NOT NULL) + ("citations"."agreement_id" IS NOT NULL) + ("citations"."provision_id" IS NOT NULL) + ("citations"."statistic_id" IS NOT NULL) + ("citations"."claim_id" IS NOT NULL) = 1),
	CONSTRAINT "citations_offsets" CHECK(("citations"."quote" IS NULL) = ("citations"."start" IS NULL) AND ("citations"."start" IS NULL) = ("citations"."end" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `citations_source_idx` ON `citations` (`source_id`,`start`);--> statement-breakpoint
CREATE INDEX `citations_event_idx` ON `citations` (`event_id`);--> statement-breakpoint
CREATE INDEX `citations_place_idx` ON `citations` (`place_slug`);--> statement-breakpoint
CREATE INDEX `citations_place_name_idx` ON `citations` (`place_name_id`);--> statement-breakpoint
CREATE INDEX `citations_actor_idx` ON `citations` (`actor_id`);--> statement-breakpoint
CREATE INDEX `citations_agreement_idx` ON `citations` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `citations_provision_idx` ON `citations` (`provision_id`);--> statement-breakpoint
CREATE INDEX `citations_statistic_idx` ON `citations` (`statistic_id`);--> statement-breakpoint
CREATE INDEX `citations_claim_idx` ON `citations` (`claim_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`source_id` text NOT NULL,
	`claimant` text NOT NULL,
	`claimant_actor_id` text,
	`statement` text NOT NULL,
	`kind` text NOT NULL,
	`event_id` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_seq_unique` ON `claims` (`seq`);--> statement-breakpoint
CREATE INDEX `claims_source_idx` ON `claims` (`source_id`);--> statement-breakpoint
CREATE INDEX `claims_event_idx` ON `claims` (`event_id`);--> statement-breakpoint
CREATE TABLE `dataset` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`sha256` text NOT NULL,
	`counts` text NOT NULL,
	`built_at` text NOT NULL,
	`licence` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_actors` (
	`event_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`event_id`, `actor_id`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_actors_actor_idx` ON `event_actors` (`actor_id`);--> statement-breakpoint
CREATE TABLE `event_places` (
	`event_id` text NOT NULL,
	`place_slug` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`event_id`, `place_slug`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_places_place_idx` ON `event_places` (`place_slug`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`parent_id` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`precision` text NOT NULL,
	`date_text` text NOT NULL,
	`edtf` text NOT NULL,
	`month_day` text,
	FOREIGN KEY (`parent_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_seq_unique` ON `events` (`seq`);--> statement-breakpoint
CREATE INDEX `events_start_idx` ON `events` (`start_date`,`end_date`,`seq`);--> statement-breakpoint
CREATE INDEX `events_end_idx` ON `events` (`end_date`,`seq`);--> statement-breakpoint
CREATE INDEX `events_kind_start_idx` ON `events` (`kind`,`start_date`,`seq`);--> statement-breakpoint
CREATE INDEX `events_parent_idx` ON `events` (`parent_id`);--> statement-breakpoint
CREATE INDEX `events_month_day_idx` ON `events` (`month_day`);--> statement-breakpoint
CREATE TABLE `place_names` (
	`id` integer PRIMARY KEY NOT NULL,
	`place_slug` text NOT NULL,
	`name` text NOT NULL,
	`folded` text NOT NULL,
	`language` text NOT NULL,
	`script` text NOT NULL,
	`kind` text NOT NULL,
	`used_by` text,
	`applies_to` text,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `place_names_place_idx` ON `place_names` (`place_slug`);--> statement-breakpoint
CREATE INDEX `place_names_folded_idx` ON `place_names` (`folded`);--> statement-breakpoint
CREATE TABLE `places` (
	`slug` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`parent_slug` text,
	`description` text,
	`centre_name` text,
	`lat` real,
	`lon` real,
	`area_km2` real,
	`area_note` text,
	`population` integer,
	`population_year` integer,
	`population_basis` text,
	`occupation_event_id` text,
	`return_event_id` text,
	`note` text,
	FOREIGN KEY (`parent_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`occupation_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_seq_unique` ON `places` (`seq`);--> statement-breakpoint
CREATE INDEX `places_parent_idx` ON `places` (`parent_slug`);--> statement-breakpoint
CREATE INDEX `places_kind_idx` ON `places` (`kind`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text,
	`place_of_publication` text,
	`published_on` text,
	`language` text NOT NULL,
	`url` text,
	`text` text,
	`sha256` text,
	`licence` text
);
--> statement-breakpoint
CREATE TABLE `statistics` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`subject` text NOT NULL,
	`label` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`qualifier` text NOT NULL,
	`as_of` text,
	`as_of_text` text,
	`reporter` text,
	`basis` text,
	`place_slug` text,
	`event_id` text,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statistics_seq_unique` ON `statistics` (`seq`);--> statement-breakpoint
CREATE INDEX `statistics_subject_idx` ON `statistics` (`subject`);--> statement-breakpoint
CREATE INDEX `statistics_place_idx` ON `statistics` (`place_slug`);--> statement-breakpoint
CREATE INDEX `statistics_event_idx` ON `statistics` (`event_id`);--> statement-breakpoint
CREATE INDEX `statistics_as_of_idx` ON `statistics` (`as_of`);