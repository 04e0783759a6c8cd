CREATE TABLE `panels` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`config` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panels_user_name` ON `panels` (`user_id`,`name`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `panel_id` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `panel_id` text;--> statement-breakpoint
CREATE INDEX `runs_user_panel` ON `runs` (`user_id`,`panel_id`);