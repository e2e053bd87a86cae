CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`actor_account_id` text,
	`actor_role` text NOT NULL,
	`member_id` text,
	`outcome` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`details` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_events_member_at_idx` ON `audit_events` (`member_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_account_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_member_idx` ON `notifications` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `bank_account_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`requested_by_account_id` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text NOT NULL,
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
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bank_account_changes_member_idx` ON `bank_account_changes` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `bank_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`holder_name` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text NOT NULL,
	`bank_name` text,
	`for_contributions` integer DEFAULT false NOT NULL,
	`for_reimbursements` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`replaced_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bank_accounts_member_idx` ON `bank_accounts` (`member_id`,`status`);--> statement-breakpoint
CREATE TABLE `beneficiary_bank_accounts` (
	`beneficiary_id` text PRIMARY KEY NOT NULL,
	`bank_account_id` text NOT NULL,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `beneficiary_bank_accounts_account_idx` ON `beneficiary_bank_accounts` (`bank_account_id`);--> statement-breakpoint
CREATE TABLE `sepa_mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`bank_account_id` text NOT NULL,
	`reference` text NOT NULL,
	`creditor_identifier` text NOT NULL,
	`signed_at` text NOT NULL,
	`status` text NOT NULL,
	`last_debit_at` text,
	`revoked_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sepa_mandates_reference_uq` ON `sepa_mandates` (`reference`);--> statement-breakpoint
CREATE INDEX `sepa_mandates_member_idx` ON `sepa_mandates` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `sepa_mandates_account_idx` ON `sepa_mandates` (`bank_account_id`);--> statement-breakpoint
CREATE TABLE `beneficiaries` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`relationship` text NOT NULL,
	`rank` integer NOT NULL,
	`nir` text,
	`coverage_start` text NOT NULL,
	`coverage_end` text,
	`social_security_fund` text,
	`noemie_status` text DEFAULT 'ACTIVE' NOT NULL,
	`has_own_login` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `beneficiaries_member_idx` ON `beneficiaries` (`member_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `beneficiaries_member_rank_uq` ON `beneficiaries` (`member_id`,`rank`);--> statement-breakpoint
CREATE TABLE `card_rights` (
	`card_id` text NOT NULL,
	`beneficiary_id` text NOT NULL,
	`domains` text NOT NULL,
	PRIMARY KEY(`card_id`, `beneficiary_id`),
	FOREIGN KEY (`card_id`) REFERENCES `insurance_cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_rights_beneficiary_idx` ON `card_rights` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `contract_beneficiaries` (
	`contract_id` text NOT NULL,
	`beneficiary_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	PRIMARY KEY(`contract_id`, `beneficiary_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_beneficiaries_beneficiary_idx` ON `contract_beneficiaries` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`number` text NOT NULL,
	`product_label` text NOT NULL,
	`option_label` text NOT NULL,
	`collective` integer DEFAULT false NOT NULL,
	`responsible` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`main` integer DEFAULT false NOT NULL,
	`monthly_contribution_cents` integer NOT NULL,
	`employer_participation_cents` integer NOT NULL,
	`amc_number` text NOT NULL,
	`convention_type` text NOT NULL,
	`routing_criterion` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_number_uq` ON `contracts` (`number`);--> statement-breakpoint
CREATE INDEX `contracts_member_idx` ON `contracts` (`member_id`);--> statement-breakpoint
CREATE TABLE `contribution_instalments` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`employer_share_cents` integer NOT NULL,
	`status` text NOT NULL,
	`method` text NOT NULL,
	`paid_at` text,
	`mandate_id` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mandate_id`) REFERENCES `sepa_mandates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instalments_contract_due_idx` ON `contribution_instalments` (`contract_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `instalments_mandate_idx` ON `contribution_instalments` (`mandate_id`);--> statement-breakpoint
CREATE TABLE `guarantees` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`care_type` text NOT NULL,
	`label` text NOT NULL,
	`brss_percent` integer,
	`yearly_forfait_cents` integer,
	`per_act_ceiling_cents` integer,
	`hundred_percent_sante` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guarantees_contract_idx` ON `guarantees` (`contract_id`,`care_type`);--> statement-breakpoint
CREATE TABLE `insurance_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`card_number` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`issued_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `insurance_cards_number_uq` ON `insurance_cards` (`card_number`);--> statement-breakpoint
CREATE INDEX `insurance_cards_contract_idx` ON `insurance_cards` (`contract_id`,`valid_to`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`contract_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`year` integer NOT NULL,
	`period_start` text,
	`period_end` text,
	`issued_at` text NOT NULL,
	`file_id` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_member_issued_idx` ON `documents` (`member_id`,`issued_at`,`id`);--> statement-breakpoint
CREATE INDEX `documents_member_kind_idx` ON `documents` (`member_id`,`kind`,`year`);--> statement-breakpoint
CREATE INDEX `documents_contract_idx` ON `documents` (`contract_id`);--> statement-breakpoint
CREATE INDEX `documents_file_idx` ON `documents` (`file_id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_account_id` text NOT NULL,
	`name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `files_owner_idx` ON `files` (`owner_account_id`);--> statement-breakpoint
CREATE TABLE `faq_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`category_id` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `help_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `faq_entries_category_idx` ON `faq_entries` (`category_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `guides` (
	`id` text PRIMARY KEY NOT NULL,
	`category_id` text,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `help_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guides_category_idx` ON `guides` (`category_id`);--> statement-breakpoint
CREATE TABLE `help_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_categories_slug_uq` ON `help_categories` (`slug`);--> statement-breakpoint
CREATE TABLE `news_items` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`published_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `news_items_published_idx` ON `news_items` (`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`member_id` text,
	`display_name` text NOT NULL,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`password_changed_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_uq` ON `accounts` (`email`);--> statement-breakpoint
CREATE INDEX `accounts_member_idx` ON `accounts` (`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`member_number` text NOT NULL,
	`civility` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text DEFAULT 'France' NOT NULL,
	`nir` text NOT NULL,
	`paperless` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_member_number_uq` ON `members` (`member_number`);--> statement-breakpoint
CREATE INDEX `members_email_idx` ON `members` (`email`);--> statement-breakpoint
CREATE TABLE `partner_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_tokens_hash_uq` ON `partner_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`account_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`reauthenticated_at` text,
	`revoked_at` text,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_uq` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `message_attachments` (
	`message_id` text NOT NULL,
	`file_id` text NOT NULL,
	PRIMARY KEY(`message_id`, `file_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `message_attachments_file_idx` ON `message_attachments` (`file_id`);--> statement-breakpoint
CREATE TABLE `message_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`category_id` text NOT NULL,
	`label` text NOT NULL,
	`online_service_label` text,
	`online_service_path` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `message_categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_subjects_category_idx` ON `message_subjects` (`category_id`);--> statement-breakpoint
CREATE TABLE `message_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`category_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`status` text NOT NULL,
	`unread_by_member` integer DEFAULT false NOT NULL,
	`unread_by_advisor` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `message_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `message_subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `message_threads_member_updated_idx` ON `message_threads` (`member_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `message_threads_member_category_idx` ON `message_threads` (`member_id`,`category_id`);--> statement-breakpoint
CREATE INDEX `message_threads_member_status_idx` ON `message_threads` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `message_threads_status_updated_idx` ON `message_threads` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `message_threads_subject_idx` ON `message_threads` (`subject_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`author_kind` text NOT NULL,
	`author_account_id` text,
	`body` text NOT NULL,
	`sent_at` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_thread_sent_idx` ON `messages` (`thread_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `messages_author_idx` ON `messages` (`author_account_id`);--> statement-breakpoint
CREATE TABLE `procedure_attachments` (
	`procedure_id` text NOT NULL,
	`file_id` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`procedure_id`, `file_id`),
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procedure_attachments_file_idx` ON `procedure_attachments` (`file_id`);--> statement-breakpoint
CREATE TABLE `procedure_events` (
	`id` text PRIMARY KEY NOT NULL,
	`procedure_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	`actor_account_id` text,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procedure_events_procedure_idx` ON `procedure_events` (`procedure_id`,`at`);--> statement-breakpoint
CREATE TABLE `procedures` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`beneficiary_id` text,
	`reference` text NOT NULL,
	`submitted_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`estimated_decision_date` text,
	`decided_at` text,
	`decision_note` text,
	`care_type` text,
	`care_date` text,
	`abroad` integer DEFAULT false NOT NULL,
	`country` text,
	`currency` text,
	`amount_cents` integer,
	`amount_eur_cents` integer,
	`exchange_rate` real,
	`social_security_base_cents` integer,
	`social_security_paid_cents` integer,
	`details` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procedures_member_submitted_idx` ON `procedures` (`member_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `procedures_member_status_idx` ON `procedures` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `procedures_member_kind_idx` ON `procedures` (`member_id`,`kind`);--> statement-breakpoint
CREATE INDEX `procedures_beneficiary_idx` ON `procedures` (`beneficiary_id`);--> statement-breakpoint
CREATE INDEX `procedures_status_submitted_idx` ON `procedures` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `reimbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`beneficiary_id` text NOT NULL,
	`care_type` text NOT NULL,
	`care_label` text NOT NULL,
	`care_date` text NOT NULL,
	`payment_date` text NOT NULL,
	`provider_name` text NOT NULL,
	`decompte_number` text NOT NULL,
	`expense_cents` integer NOT NULL,
	`social_security_base_cents` integer NOT NULL,
	`social_security_rate_percent` integer NOT NULL,
	`social_security_cents` integer NOT NULL,
	`withheld_cents` integer NOT NULL,
	`withholding_kind` text DEFAULT 'NONE' NOT NULL,
	`mutuelle_cents` integer NOT NULL,
	`out_of_pocket_cents` integer NOT NULL,
	`forfait_used_cents` integer DEFAULT 0 NOT NULL,
	`guarantee_id` text,
	`hundred_percent_sante` integer DEFAULT false NOT NULL,
	`payee` text NOT NULL,
	`origin` text NOT NULL,
	`bank_account_id` text,
	`procedure_id` text,
	`explanation` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guarantee_id`) REFERENCES `guarantees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reimbursements_member_payment_idx` ON `reimbursements` (`member_id`,`payment_date`,`id`);--> statement-breakpoint
CREATE INDEX `reimbursements_member_beneficiary_idx` ON `reimbursements` (`member_id`,`beneficiary_id`,`payment_date`);--> statement-breakpoint
CREATE INDEX `reimbursements_member_care_idx` ON `reimbursements` (`member_id`,`care_type`,`payment_date`);--> statement-breakpoint
CREATE INDEX `reimbursements_beneficiary_care_date_idx` ON `reimbursements` (`beneficiary_id`,`care_type`,`care_date`);--> statement-breakpoint
CREATE INDEX `reimbursements_contract_idx` ON `reimbursements` (`contract_id`);--> statement-breakpoint
CREATE INDEX `reimbursements_guarantee_idx` ON `reimbursements` (`guarantee_id`);--> statement-breakpoint
CREATE INDEX `reimbursements_bank_account_idx` ON `reimbursements` (`bank_account_id`);--> statement-breakpoint
CREATE INDEX `reimbursements_procedure_idx` ON `reimbursements` (`procedure_id`);