ALTER TABLE `contracts` ADD `rejection_fee_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contribution_instalments` ADD `represented_by_id` text REFERENCES contribution_instalments(id);--> statement-breakpoint
ALTER TABLE `contribution_instalments` ADD `rejection_fee_cents` integer DEFAULT 0 NOT NULL;