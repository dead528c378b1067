ALTER TABLE `activities` ADD `certificate_url` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `certificate_name` text;