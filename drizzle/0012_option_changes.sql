CREATE TABLE `commercial_journeys` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`option_code` text NOT NULL,
	`start_date` text NOT NULL,
	`status` text NOT NULL,
	`procedure_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commercial_journeys_member_idx` ON `commercial_journeys` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `commercial_journeys_contract_idx` ON `commercial_journeys` (`contract_id`);--> statement-breakpoint
CREATE INDEX `commercial_journeys_procedure_idx` ON `commercial_journeys` (`procedure_id`);--> statement-breakpoint
CREATE TABLE `contract_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`procedure_id` text,
	`effective_date` text NOT NULL,
	`option_label` text NOT NULL,
	`monthly_contribution_cents` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_amendments_contract_idx` ON `contract_amendments` (`contract_id`,`effective_date`);--> statement-breakpoint
ALTER TABLE `guarantees` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `guarantees` ADD `valid_to` text;