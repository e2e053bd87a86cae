CREATE TABLE `reimbursement_shares` (
	`reimbursement_id` text NOT NULL,
	`rank` integer NOT NULL,
	`contract_id` text NOT NULL,
	`guarantee_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`forfait_used_cents` integer NOT NULL,
	PRIMARY KEY(`reimbursement_id`, `rank`),
	FOREIGN KEY (`reimbursement_id`) REFERENCES `reimbursements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guarantee_id`) REFERENCES `guarantees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reimbursement_shares_guarantee_idx` ON `reimbursement_shares` (`guarantee_id`);--> statement-breakpoint
CREATE INDEX `reimbursement_shares_contract_idx` ON `reimbursement_shares` (`contract_id`);--> statement-breakpoint
-- reimbursements paid before shares existed were paid by one contract
INSERT INTO `reimbursement_shares` (`reimbursement_id`, `rank`, `contract_id`, `guarantee_id`, `amount_cents`, `forfait_used_cents`)
SELECT `id`, 1, `contract_id`, `guarantee_id`, `mutuelle_cents`, `forfait_used_cents` FROM `reimbursements` WHERE `guarantee_id` IS NOT NULL;
