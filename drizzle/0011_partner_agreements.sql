CREATE TABLE `coverage_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`procedure_id` text NOT NULL,
	`token_id` text NOT NULL,
	`care_domain` text NOT NULL,
	`planned_date` text NOT NULL,
	`finess` text,
	`rpps` text,
	`adeli` text,
	`lines` text NOT NULL,
	`valid_until` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`token_id`) REFERENCES `partner_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coverage_agreements_token_idx` ON `coverage_agreements` (`token_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `coverage_agreements_procedure_idx` ON `coverage_agreements` (`procedure_id`);--> statement-breakpoint
CREATE TABLE `partner_token_usage` (
	`token_id` text NOT NULL,
	`day` text NOT NULL,
	`calls` integer NOT NULL,
	`last_call_at` text NOT NULL,
	PRIMARY KEY(`token_id`, `day`),
	FOREIGN KEY (`token_id`) REFERENCES `partner_tokens`(`id`) ON UPDATE no action ON DELETE cascade
);
