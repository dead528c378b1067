ALTER TABLE `credentials` ADD `renewed_from` text;--> statement-breakpoint
-- Credentials renewed before this column existed: the same derivation create-credential-repo.ts
-- runs at every change (180 days: RENEW_WINDOW_DAYS, how early `credential renew` allows).
UPDATE `credentials` SET `renewed_from` = (
  SELECT min(json_extract(a.`before`, '$.expiresOn'), substr(a.`at`, 1, 10)) FROM `audit` a
  WHERE a.`member_id` = `credentials`.`member_id` AND a.`entity` = 'credential'
    AND a.`entity_id` = CAST(`credentials`.`id` AS text) AND a.`action` = 'credential-add'
    AND a.`undone_at` IS NULL AND a.`before` IS NOT NULL
    AND json_extract(a.`after`, '$.expiresOn') > json_extract(a.`before`, '$.expiresOn')
    AND json_extract(a.`before`, '$.expiresOn') < `credentials`.`expires_on`
    AND substr(a.`at`, 1, 10) >= date(json_extract(a.`before`, '$.expiresOn'), '-180 days')
  ORDER BY a.`id` DESC LIMIT 1
) WHERE `removed_at` IS NULL;
