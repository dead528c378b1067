CREATE TABLE `processed_requests` (
	`workspace_id` integer NOT NULL,
	`key` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `key`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `processed_requests_at` ON `processed_requests` (`at`);--> statement-breakpoint
ALTER TABLE `members` ADD `named_admin` integer DEFAULT false NOT NULL;