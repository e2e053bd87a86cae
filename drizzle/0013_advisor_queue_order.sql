DROP INDEX `message_threads_status_updated_idx`;--> statement-breakpoint
CREATE INDEX `message_threads_status_updated_idx` ON `message_threads` (`status`,`updated_at`,`id`);--> statement-breakpoint
DROP INDEX `procedures_status_submitted_idx`;--> statement-breakpoint
CREATE INDEX `procedures_status_submitted_idx` ON `procedures` (`status`,`submitted_at`,`id`);