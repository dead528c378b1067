CREATE TABLE `member_tallies` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`data_version` integer NOT NULL,
	`tallies` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `members` ADD `data_version` integer DEFAULT 0 NOT NULL;