ALTER TABLE `credentials` ADD `renewed_on` text;--> statement-breakpoint
-- The day of each renewal 0010 found: its audit row, picked as 0010 picked it (no renewal before
-- this column carried a day the member gave, so the day it was recorded).
UPDATE `credentials` SET `renewed_on` = (
  SELECT substr(a.`at`, 1, 10) FROM `audit` a
  WHERE a.`member_id` = `credentials`.`member_id` AND a.`entity` = 'credential'
    AND a.`entity_id` = CAST(`credentials`.`id` AS text) AND a.`action` = 'credential-add'
    AND a.`undone_at` IS NULL AND a.`before` IS NOT NULL
    AND json_extract(a.`after`, '$.expiresOn') > json_extract(a.`before`, '$.expiresOn')
    AND json_extract(a.`before`, '$.expiresOn') < `credentials`.`expires_on`
    AND substr(a.`at`, 1, 10) >= date(json_extract(a.`before`, '$.expiresOn'), '-180 days')
  ORDER BY a.`id` DESC LIMIT 1
) WHERE `removed_at` IS NULL AND `renewed_from` IS NOT NULL;--> statement-breakpoint
-- Saved tallies of a credential renewed in its grace period counted that period's CE again: a cache,
-- so it is dropped and counted afresh.
DELETE FROM `member_tallies` WHERE `member_id` IN (
  SELECT `member_id` FROM `credentials` WHERE `removed_at` IS NULL AND `renewed_on` > `renewed_from`
);
