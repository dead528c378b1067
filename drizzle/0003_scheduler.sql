CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`member_id` integer,
	`key` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`kind` text NOT NULL,
	`reply` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`last_error` text,
	`noticed_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_workspace_key` ON `outbox` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `outbox_status_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_undelivered` ON `outbox` (`member_id`) WHERE status = 'failed' and noticed_at is null;--> statement-breakpoint
CREATE INDEX `outbox_member_pending` ON `outbox` (`member_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `outbox_target_open` ON `outbox` (`workspace_id`,`target_kind`,`target_id`,`id`) WHERE status in ('pending', 'sending');--> statement-breakpoint
ALTER TABLE `credentials` ADD `snoozed_until` text;--> statement-breakpoint
ALTER TABLE `members` ADD `platform_tz` text;--> statement-breakpoint
ALTER TABLE `members` ADD `digest_named` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `unreachable_since` text;--> statement-breakpoint
ALTER TABLE `members` ADD `next_check_at` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `nudge_ladder` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `digest_channel_id` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `digest_weekday` integer;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `digest_time` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `digest_tz` text;