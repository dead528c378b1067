/**
 * Members and their workspaces. `ensureMember` runs on every command, so when the member exists
 * it is one indexed lookup and writes nothing unless the platform reports a new display name.
 */
import type Database from 'better-sqlite3';
import type { Member, MemberRef, MemberScope, MemberSettings, Store } from '../core/ports.js';
import type { AuditLog } from './create-audit-log.js';
import { definedOnly } from './defined-only.js';
import { MEMBER_COLUMNS, toMember, type MemberTuple } from './member-tuple.js';
import { StoreError } from './store-error.js';

function settingsOf(member: Member): MemberSettings {
  const { tz, nudges, quietHours, pausedUntil, digestNamed } = member;
  return { tz, nudges, quietHours, pausedUntil, digestNamed };
}

type SettingsParams = Omit<MemberSettings, 'nudges' | 'digestNamed'> & { memberId: number; nudges: number; digestNamed: number };

export type MemberRepo = Pick<Store, 'findMember' | 'ensureMember' | 'updateMemberSettings' | 'setNamedAdmin' | 'listNamedAdmins'>;

export function createMemberRepo(sqlite: Database.Database, audit: AuditLog): MemberRepo {
  const byRef = sqlite
    .prepare<MemberRef, MemberTuple>(
      `select ${MEMBER_COLUMNS} from workspaces w join members m on m.workspace_id = w.id
       where w.platform = :platform and w.external_id = :tenantId and m.user_id = :userId`,
    )
    .raw(true);
  const byScope = sqlite
    .prepare<MemberScope, MemberTuple>(
      `select ${MEMBER_COLUMNS} from members m where m.id = :memberId and m.workspace_id = :workspaceId`,
    )
    .raw(true);
  const insertWorkspace = sqlite.prepare<Omit<MemberRef, 'userId'>>(
    `insert into workspaces (platform, external_id) values (:platform, :tenantId) on conflict do nothing`,
  );
  // Another process may create the same member between our lookup and this insert: upsert.
  const insertMember = sqlite.prepare<MemberRef & { displayName: string | null }>(
    `insert into members (workspace_id, user_id, display_name)
     select id, :userId, :displayName from workspaces where platform = :platform and external_id = :tenantId
     on conflict (workspace_id, user_id) do update set display_name = coalesce(excluded.display_name, display_name)`,
  );
  const rename = sqlite.prepare<{ memberId: number; displayName: string }>(
    'update members set display_name = :displayName where id = :memberId',
  );
  // A new zone moves the member's delivery window, so the scheduler looks at them again at once.
  const setPlatformTz = sqlite.prepare<{ memberId: number; platformTz: string }>(
    'update members set platform_tz = :platformTz, next_check_at = null where id = :memberId',
  );
  const updateSettings = sqlite.prepare<SettingsParams>(
    `update members set tz = :tz, nudges = :nudges, quiet_hours = :quietHours, paused_until = :pausedUntil,
       digest_named = :digestNamed
     where id = :memberId`,
  );

  const setAdminFlag = sqlite.prepare<{ memberId: number; on: number }>('update members set named_admin = :on where id = :memberId');
  const namedAdmins = sqlite
    .prepare<{ workspaceId: number }, MemberTuple>(
      `select ${MEMBER_COLUMNS} from members m where m.workspace_id = :workspaceId and m.named_admin = 1 order by m.user_id`,
    )
    .raw(true);

  const create = sqlite
    .transaction((ref: MemberRef, displayName: string | null): Member => {
      insertWorkspace.run({ platform: ref.platform, tenantId: ref.tenantId });
      insertMember.run({ ...pick(ref), displayName });
      return toMember(byRef.get(pick(ref)) as MemberTuple);
    })
    .immediate;

  const patchSettings = sqlite
    .transaction((scope: MemberScope, patch: Partial<MemberSettings>, nowAt: string): Member => {
      const before = toMember(byScope.get(scopeOf(scope)) ?? notFound(scope));
      const next = { ...settingsOf(before), ...definedOnly(patch) };
      // Saying what is already so changes nothing: no audit row, so it neither stands in undo's way
      // nor makes the member due (a new data version, their waiting reminders withdrawn).
      if (sameSettings(settingsOf(before), next)) return before;
      updateSettings.run({ memberId: scope.memberId, ...next, nudges: next.nudges ? 1 : 0, digestNamed: next.digestNamed ? 1 : 0 });
      audit.write(scope, { entity: 'member', entityId: scope.memberId, action: 'settings', before: settingsOf(before), after: next, at: nowAt });
      return { ...before, ...next };
    })
    .immediate;

  const nameAdmin = sqlite
    .transaction((target: MemberRef, on: boolean, by: MemberScope, nowAt: string): Member => {
      const existing = byRef.get(pick(target));
      // Un-naming someone who never used the bot would create them only to record "not an admin".
      if (existing === undefined && !on) throw new StoreError('not-found', 'admin target is not a member');
      const member = existing ? toMember(existing) : create(target, null);
      if (member.workspaceId !== by.workspaceId) throw new StoreError('not-found', 'admin target is in another workspace');
      if (member.namedAdmin === on) return member;
      setAdminFlag.run({ memberId: member.memberId, on: on ? 1 : 0 });
      audit.write(scopeOf(by), { entity: 'member', entityId: member.memberId, action: 'admin', before: { namedAdmin: member.namedAdmin }, after: { namedAdmin: on }, at: nowAt });
      return { ...member, namedAdmin: on };
    })
    .immediate;

  return {
    findMember(ref) {
      const row = byRef.get(pick(ref));
      return row === undefined ? undefined : toMember(row);
    },
    setNamedAdmin: (target, on, by, nowAt) => nameAdmin(target, on, by, nowAt),
    listNamedAdmins: (workspaceId) => namedAdmins.all({ workspaceId }).map(toMember),
    ensureMember(ref, displayName, platformTz) {
      const row = byRef.get(pick(ref));
      let member = row === undefined ? create(ref, displayName ?? null) : toMember(row);
      if (displayName !== undefined && displayName !== member.displayName) {
        rename.run({ memberId: member.memberId, displayName });
        member = { ...member, displayName };
      }
      if (platformTz !== undefined && platformTz !== member.platformTz) {
        setPlatformTz.run({ memberId: member.memberId, platformTz });
        member = { ...member, platformTz };
      }
      return member;
    },
    updateMemberSettings: (scope, patch, nowAt) => patchSettings(scope, patch, nowAt),
  };
}

function sameSettings(a: MemberSettings, b: MemberSettings): boolean {
  return a.tz === b.tz && a.nudges === b.nudges && a.quietHours === b.quietHours && a.pausedUntil === b.pausedUntil && a.digestNamed === b.digestNamed;
}

/** Exactly the bind parameters, whatever else the caller's object carries. */
function pick(ref: MemberRef): MemberRef {
  return { platform: ref.platform, tenantId: ref.tenantId, userId: ref.userId };
}

function scopeOf(scope: MemberScope): MemberScope {
  return { workspaceId: scope.workspaceId, memberId: scope.memberId };
}

function notFound(scope: MemberScope): never {
  throw new StoreError('not-found', `member ${scope.memberId} not found in workspace ${scope.workspaceId}`);
}
