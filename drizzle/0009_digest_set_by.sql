ALTER TABLE `workspaces` ADD `digest_set_by` integer;--> statement-breakpoint
-- A digest set before this column existed: its setter is the admin of its latest audited change.
UPDATE `workspaces` SET `digest_set_by` = (
  SELECT `member_id` FROM `audit`
  WHERE `audit`.`workspace_id` = `workspaces`.`id` AND `entity` = 'workspace' AND `entity_id` = 'digest'
  ORDER BY `id` DESC LIMIT 1
) WHERE `digest_channel_id` IS NOT NULL;
