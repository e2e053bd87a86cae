-- the migrator runs in one transaction, where foreign_keys cannot be switched off: defer the checks to the commit instead
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_bank_account_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`requested_by_account_id` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text,
	`holder_name` text NOT NULL,
	`for_contributions` integer DEFAULT false NOT NULL,
	`for_reimbursements` integer DEFAULT false NOT NULL,
	`beneficiary_ids` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`hold_payments_until` text,
	`review_flag` text,
	`mandate_accepted` integer DEFAULT false NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`procedure_id` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_bank_account_changes`("id", "member_id", "requested_by_account_id", "iban", "bic", "holder_name", "for_contributions", "for_reimbursements", "beneficiary_ids", "status", "created_at", "expires_at", "confirmed_at", "hold_payments_until", "review_flag") SELECT "id", "member_id", "requested_by_account_id", "iban", "bic", "holder_name", "for_contributions", "for_reimbursements", "beneficiary_ids", "status", "created_at", "expires_at", "confirmed_at", "hold_payments_until", "review_flag" FROM `bank_account_changes`;--> statement-breakpoint
DROP TABLE `bank_account_changes`;--> statement-breakpoint
ALTER TABLE `__new_bank_account_changes` RENAME TO `bank_account_changes`;--> statement-breakpoint
CREATE INDEX `bank_account_changes_member_idx` ON `bank_account_changes` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bank_account_changes_procedure_idx` ON `bank_account_changes` (`procedure_id`);--> statement-breakpoint
-- bank_accounts is a parent table (mandates, assignments, reimbursements point to it): copy its
-- rows aside, drop it, create it again under its own name, then insert the rows back. The
-- children orphaned by the drop are counted as deferred violations, and each parent row
-- inserted afterwards resolves its children, so the commit finds none left.
CREATE TABLE `__copy_bank_accounts` AS SELECT * FROM `bank_accounts`;--> statement-breakpoint
DROP TABLE `bank_accounts`;--> statement-breakpoint
CREATE TABLE `bank_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`holder_name` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text,
	`bank_name` text,
	`for_contributions` integer DEFAULT false NOT NULL,
	`for_reimbursements` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`replaced_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `bank_accounts`("id", "member_id", "holder_name", "iban", "bic", "bank_name", "for_contributions", "for_reimbursements", "status", "created_at", "replaced_at") SELECT "id", "member_id", "holder_name", "iban", "bic", "bank_name", "for_contributions", "for_reimbursements", "status", "created_at", "replaced_at" FROM `__copy_bank_accounts`;--> statement-breakpoint
DROP TABLE `__copy_bank_accounts`;--> statement-breakpoint
CREATE INDEX `bank_accounts_member_idx` ON `bank_accounts` (`member_id`,`status`);--> statement-breakpoint
ALTER TABLE `reimbursements` ADD `held_until` text;