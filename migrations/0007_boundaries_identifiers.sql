CREATE TABLE `boundary_caveats` (
	`seq` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `place_boundaries` (
	`place_slug` text PRIMARY KEY NOT NULL,
	`geometry` text NOT NULL,
	`label_lon` real NOT NULL,
	`label_lat` real NOT NULL,
	`source_id` text NOT NULL,
	`source_feature` text NOT NULL,
	`source_name` text,
	`note` text,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `place_identifier_citations` (
	`id` integer PRIMARY KEY NOT NULL,
	`place_slug` text NOT NULL,
	`scheme` text NOT NULL,
	`source_id` text NOT NULL,
	`note` text,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `place_identifier_citations_place_idx` ON `place_identifier_citations` (`place_slug`);--> statement-breakpoint
CREATE TABLE `place_identifiers` (
	`place_slug` text PRIMARY KEY NOT NULL,
	`iso3166_2` text,
	`geonames` integer,
	FOREIGN KEY (`place_slug`) REFERENCES `places`(`slug`) ON UPDATE no action ON DELETE no action
);
