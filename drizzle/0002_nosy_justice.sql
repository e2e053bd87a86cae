CREATE TABLE `email_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`member_id` text NOT NULL,
	`new_email` text NOT NULL,
	`token_hash` text NOT NULL,
	`requested_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_change_requests_token_uq` ON `email_change_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `email_change_requests_account_idx` ON `email_change_requests` (`account_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `password_reset_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`email_hash` text NOT NULL,
	`ip` text,
	`requested_at` text NOT NULL,
	`account_id` text,
	`token_hash` text,
	`expires_at` text,
	`used_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_reset_requests_token_uq` ON `password_reset_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_reset_requests_email_idx` ON `password_reset_requests` (`email_hash`,`requested_at`);--> statement-breakpoint
CREATE INDEX `password_reset_requests_ip_idx` ON `password_reset_requests` (`ip`,`requested_at`);