DROP INDEX `procedures_member_status_idx`;--> statement-breakpoint
CREATE INDEX `procedures_member_status_submitted_idx` ON `procedures` (`member_id`,`status`,`submitted_at`,`id`);