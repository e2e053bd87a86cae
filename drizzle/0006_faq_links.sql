ALTER TABLE `faq_entries` ADD `link_label` text;--> statement-breakpoint
ALTER TABLE `faq_entries` ADD `link_path` text;