DROP INDEX `calls_model`;--> statement-breakpoint
CREATE INDEX `calls_model_user_run` ON `calls` (`model`,`user_id`,`run_id`);