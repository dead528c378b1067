-- A renewal recorded with `credential add X certified <date>` took its day from when it was typed;
-- it is the certified day (when not later) (as create-credential-repo.ts now reads it), so CE done between that day
-- and the day it was typed counts toward the new cycle, not toward closing the old one's gap. Each
-- live credential's renewal is derived again as create-credential-repo.ts derives it at every change.
UPDATE `credentials` SET (`renewed_from`, `renewed_on`) = (
  SELECT min(json_extract(a.`before`, '$.expiresOn'), coalesce(json_extract(a.`after`, '$.renewedOn'), min(json_extract(a.`after`, '$.certifiedOn'), substr(a.`at`, 1, 10)), substr(a.`at`, 1, 10))),
         coalesce(json_extract(a.`after`, '$.renewedOn'), min(json_extract(a.`after`, '$.certifiedOn'), substr(a.`at`, 1, 10)), substr(a.`at`, 1, 10))
  FROM `audit` a
  WHERE a.`member_id` = `credentials`.`member_id` AND a.`entity` = 'credential'
    AND a.`entity_id` = CAST(`credentials`.`id` AS text) AND a.`action` = 'credential-add'
    AND a.`undone_at` IS NULL AND a.`before` IS NOT NULL
    AND json_extract(a.`after`, '$.expiresOn') > json_extract(a.`before`, '$.expiresOn')
    AND json_extract(a.`before`, '$.expiresOn') < `credentials`.`expires_on`
    AND coalesce(json_extract(a.`after`, '$.renewedOn'), min(json_extract(a.`after`, '$.certifiedOn'), substr(a.`at`, 1, 10)), substr(a.`at`, 1, 10)) >= date(json_extract(a.`before`, '$.expiresOn'), '-180 days')
  ORDER BY a.`id` DESC LIMIT 1
) WHERE `removed_at` IS NULL;
