CREATE TABLE `catalog_models` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`upstream_id` text NOT NULL,
	`name` text NOT NULL,
	`context_length` integer,
	`input_price_per_mtok` real,
	`output_price_per_mtok` real,
	`supported_parameters` text NOT NULL,
	`raw` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);