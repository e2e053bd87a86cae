CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`granted_at` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_member_kind_idx` ON `consents` (`member_id`,`kind`,`granted_at`);
