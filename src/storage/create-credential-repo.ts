/**
 * A member's credentials. A removed credential keeps its row (marked removed_at) for the audit
 * trail; a partial unique index lets the member hold each code once among the live rows. A snooze
 * belongs to the credential, not to its dates: a renewal keeps it (it lasts at most 90 days).
 */
import type Database from 'better-sqlite3';
import type { MemberScope, Renewal, Store, StoredCredential } from '../core/ports.js';
import { RENEW_WINDOW_DAYS } from '../core/commands/credential.js';
import type { CredentialCode } from '../core/rules/types.js';
import type { AuditLog } from './create-audit-log.js';
import { CREDENTIAL_COLUMNS, toStoredCredential, type CredentialTuple } from './credential-tuple.js';

type LiveRow = { id: number; expiresOn: string; certifiedOn: string | null; snoozedUntil: string | null };
type ByCode = MemberScope & { code: CredentialCode };

export type CredentialRepo = Pick<Store, 'listCredentials' | 'putCredential' | 'expiryBefore' | 'removeCredential' | 'snoozeCredential'>;

export function createCredentialRepo(sqlite: Database.Database, audit: AuditLog): CredentialRepo {
  const list = sqlite
    .prepare<MemberScope, CredentialTuple>(
      `select ${CREDENTIAL_COLUMNS} from credentials
       where member_id = :memberId and removed_at is null and workspace_id = :workspaceId order by id`,
    )
    .raw(true);
  const live = sqlite.prepare<ByCode, LiveRow>(
    `select id, expires_on as expiresOn, certified_on as certifiedOn, snoozed_until as snoozedUntil from credentials
     where member_id = :memberId and code = :code and removed_at is null and workspace_id = :workspaceId`,
  );
  const insert = sqlite.prepare<MemberScope & StoredCredential & { nowAt: string }, { id: number }>(
    `insert into credentials (member_id, workspace_id, code, expires_on, certified_on, created_at, updated_at)
     values (:memberId, :workspaceId, :code, :expiresOn, :certifiedOn, :nowAt, :nowAt) returning id`,
  );
  const renew = sqlite.prepare<{ id: number; expiresOn: string; certifiedOn: string | null; nowAt: string }>(
    'update credentials set expires_on = :expiresOn, certified_on = :certifiedOn, updated_at = :nowAt where id = :id',
  );
  // The renewal still in effect, by the audit trail: the latest change that moved the expiry on
  // (a renewal, by `renew` or by `add` with the new card's date) no earlier than `credential renew`
  // allows, and from an expiry before the current one: a move back undoes the renewals it passes.
  // A move on from further ahead is a corrected date, not a renewal. Its day is the one the member
  // gave (`credential renew X on <date>`, kept in the audit row), else the day it was recorded.
  // Migrations 0010 and 0011 ran the same on the rows before them.
  const renewalDay = `coalesce(json_extract(a.after, '$.renewedOn'), substr(a.at, 1, 10))`;
  const deriveRenewal = sqlite.prepare<{ id: number; entityId: string; memberId: number; renewWindow: string }>(
    `update credentials set (renewed_from, renewed_on) = (
       select min(json_extract(a.before, '$.expiresOn'), ${renewalDay}), ${renewalDay} from audit a
       where a.member_id = :memberId and a.entity = 'credential' and a.entity_id = :entityId and a.action = 'credential-add'
         and a.undone_at is null and a.before is not null
         and json_extract(a.after, '$.expiresOn') > json_extract(a.before, '$.expiresOn')
         and json_extract(a.before, '$.expiresOn') < credentials.expires_on
         and ${renewalDay} >= date(json_extract(a.before, '$.expiresOn'), :renewWindow)
       order by a.id desc limit 1)
     where id = :id`,
  );
  const markRemoved = sqlite.prepare<{ id: number; nowAt: string }>(
    'update credentials set removed_at = :nowAt, updated_at = :nowAt where id = :id',
  );
  const setSnooze = sqlite.prepare<{ id: number; until: string | null; nowAt: string }>(
    'update credentials set snoozed_until = :until, updated_at = :nowAt where id = :id',
  );
  // The member's audit rows, latest first (audit_member_id): the latest replaced expiry before a date.
  const replacedExpiry = sqlite
    .prepare<MemberScope & ByCode & { before: string }, string | null>(
      `select json_extract(before, '$.expiresOn') from audit
       where member_id = :memberId and workspace_id = :workspaceId and entity = 'credential' and action = 'credential-add'
         and undone_at is null and before is not null
         and json_extract(after, '$.code') = :code and json_extract(before, '$.expiresOn') < :before
       order by id desc limit 1`,
    )
    .pluck(true);
  const scopeOf = (scope: MemberScope): MemberScope => ({ workspaceId: scope.workspaceId, memberId: scope.memberId });

  const put = sqlite
    .transaction((scope: MemberScope, credential: StoredCredential, nowAt: string, renewal?: Renewal): void => {
      const dates = { code: credential.code, expiresOn: credential.expiresOn, certifiedOn: credential.certifiedOn };
      const held = live.get({ ...scopeOf(scope), code: credential.code });
      if (held === undefined) {
        const { id } = insert.get({ ...scopeOf(scope), ...dates, nowAt }) as { id: number };
        audit.write(scope, { entity: 'credential', entityId: id, action: 'credential-add', before: null, after: dates, at: nowAt });
        return;
      }
      // Re-entering the same dates changes nothing, so it leaves no audit row.
      if (held.expiresOn === dates.expiresOn && held.certifiedOn === dates.certifiedOn) return;
      renew.run({ id: held.id, expiresOn: dates.expiresOn, certifiedOn: dates.certifiedOn, nowAt });
      const before = { code: credential.code, expiresOn: held.expiresOn, certifiedOn: held.certifiedOn };
      // The day the member said they renewed is kept with the change, where deriveRenewal reads it.
      const after = renewal === undefined ? dates : { ...dates, renewedOn: renewal.on };
      audit.write(scope, { entity: 'credential', entityId: held.id, action: 'credential-add', before, after, at: nowAt });
      deriveRenewal.run({ id: held.id, entityId: String(held.id), memberId: scope.memberId, renewWindow: `-${RENEW_WINDOW_DAYS} days` });
    })
    .immediate;

  const remove = sqlite
    .transaction((scope: MemberScope, code: CredentialCode, nowAt: string): boolean => {
      const held = live.get({ ...scopeOf(scope), code });
      if (held === undefined) return false;
      markRemoved.run({ id: held.id, nowAt });
      const before = { code, expiresOn: held.expiresOn, certifiedOn: held.certifiedOn };
      audit.write(scope, { entity: 'credential', entityId: held.id, action: 'credential-remove', before, after: null, at: nowAt });
      return true;
    })
    .immediate;

  const snooze = sqlite
    .transaction((scope: MemberScope, code: CredentialCode, until: string | null, nowAt: string): boolean => {
      const held = live.get({ ...scopeOf(scope), code });
      if (held === undefined) return false;
      if (held.snoozedUntil === until) return true; // a second click of the same button
      setSnooze.run({ id: held.id, until, nowAt });
      const before = { code, snoozedUntil: held.snoozedUntil };
      const after = { code, snoozedUntil: until };
      audit.write(scope, { entity: 'credential', entityId: held.id, action: 'credential-snooze', before, after, at: nowAt });
      return true;
    })
    .immediate;

  return {
    listCredentials: (scope) => list.all(scopeOf(scope)).map((row) => toStoredCredential(...row)),
    putCredential: put,
    expiryBefore: (scope, code, before) => replacedExpiry.get({ ...scopeOf(scope), code, before }) ?? undefined,
    removeCredential: remove,
    snoozeCredential: snooze,
  };
}
