CREATE TABLE `activity_daily` (
	`user_id` text NOT NULL,
	`day` integer NOT NULL,
	`status` text NOT NULL,
	`model` text NOT NULL,
	`runs` integer NOT NULL,
	`run_input_tokens` integer NOT NULL,
	`run_output_tokens` integer NOT NULL,
	`run_cost_micro_usd` integer NOT NULL,
	`calls` integer NOT NULL,
	`call_input_tokens` integer NOT NULL,
	`call_output_tokens` integer NOT NULL,
	`call_cost_micro_usd` integer NOT NULL,
	PRIMARY KEY(`user_id`, `day`, `status`, `model`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oauth_accounts` (
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `provider_account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oauth_accounts_user` ON `oauth_accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `provider_keys` (
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`encrypted_key` text NOT NULL,
	`key_hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `provider`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`base_url` text NOT NULL,
	`encrypted_key` text,
	`key_hint` text,
	`models` text DEFAULT '[]' NOT NULL,
	`models_fetched_at` integer,
	`last_error` text,
	`last_attempt_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_endpoints_user_name` ON `user_endpoints` (`user_id`,`name`);--> statement-breakpoint
DROP INDEX `runs_user_created`;--> statement-breakpoint
CREATE INDEX `runs_user_created_id` ON `runs` (`user_id`,`created_at`,`id`,`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `password_hash` text;--> statement-breakpoint
CREATE INDEX `calls_run_model` ON `calls` (`run_id`,`model`);