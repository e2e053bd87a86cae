CREATE TABLE `sign_in_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`next_attempt_at` text NOT NULL,
	`unaudited` integer DEFAULT 0 NOT NULL,
	`last_audit_at` text
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttles_last_failure_idx` ON `sign_in_throttles` (`last_failure_at`);--> statement-breakpoint
CREATE TABLE `trusted_devices` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trusted_devices_account_idx` ON `trusted_devices` (`account_id`);--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `failed_sign_ins`;--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `locked_until`;