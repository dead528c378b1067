/**
 * Workspace-wide scheduler settings: the nudge ladder and the weekly digest. Changed by admins,
 * so every change is audited like a rule setting, with the value before and after.
 */
import type Database from 'better-sqlite3';
import type { DigestPost, DigestSchedule, MemberScope, Store, WorkspaceSettings } from '../core/ports.js';
import type { AuditLog } from './create-audit-log.js';
import { DIGEST, NUDGE_LADDER } from './due-after-change.js';

export type WorkspaceSettingsRepo = Pick<Store, 'getWorkspaceSettings' | 'setNudgeLadder' | 'setDigest' | 'lastDigestPost'>;

export type SettingsTuple = [
  ladder: string | null,
  channelId: string | null,
  weekday: number | null,
  time: string | null,
  tz: string | null,
];

export const DIGEST_COLUMNS = 'digest_channel_id, digest_weekday, digest_time, digest_tz';

export function toDigest(channelId: string | null, weekday: number | null, time: string | null, tz: string | null): DigestSchedule | null {
  // The four are written together; a row with any of them missing has no digest.
  if (channelId === null || weekday === null || time === null || tz === null) return null;
  return { channelId, weekday, time, tz };
}

type DigestParams = { workspaceId: number; channelId: string | null; weekday: number | null; time: string | null; tz: string | null };

export function createWorkspaceSettingsRepo(sqlite: Database.Database, audit: AuditLog): WorkspaceSettingsRepo {
  const read = sqlite
    .prepare<[number], SettingsTuple>(`select nudge_ladder, ${DIGEST_COLUMNS} from workspaces where id = ?`)
    .raw(true);
  // Digest keys are "digest:<date>", so the newest is the last in the (workspace, key) index.
  const lastPost = sqlite.prepare<[number], { plannedAt: string; status: DigestPost['status']; error: string | null }>(
    `select created_at as plannedAt, status, last_error as error from outbox
     where workspace_id = ? and key >= 'digest:' and key < 'digest;' order by key desc limit 1`,
  );
  const writeLadder = sqlite.prepare<{ workspaceId: number; ladder: string | null }>(
    'update workspaces set nudge_ladder = :ladder where id = :workspaceId',
  );
  const writeDigest = sqlite.prepare<DigestParams>(
    `update workspaces set digest_channel_id = :channelId, digest_weekday = :weekday, digest_time = :time, digest_tz = :tz
     where id = :workspaceId`,
  );

  const settings = (workspaceId: number): WorkspaceSettings => {
    const row = read.get(workspaceId);
    if (row === undefined) return { ladder: null, digest: null };
    const [ladder, ...digest] = row;
    return { ladder: ladder === null ? null : (JSON.parse(ladder) as number[]), digest: toDigest(...digest) };
  };

  const setLadder = sqlite
    .transaction((by: MemberScope, ladder: number[] | null, nowAt: string): void => {
      const before = settings(by.workspaceId).ladder;
      if (JSON.stringify(before) === JSON.stringify(ladder)) return; // nothing changes, nothing to audit
      writeLadder.run({ workspaceId: by.workspaceId, ladder: ladder === null ? null : JSON.stringify(ladder) });
      audit.write(by, { entity: 'workspace', entityId: NUDGE_LADDER, action: 'workspace-setting', before, after: ladder, at: nowAt });
    })
    .immediate;

  const setDigest = sqlite
    .transaction((by: MemberScope, digest: DigestSchedule | null, nowAt: string): void => {
      const before = settings(by.workspaceId).digest;
      const after = digest === null ? null : { channelId: digest.channelId, weekday: digest.weekday, time: digest.time, tz: digest.tz };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      writeDigest.run({ workspaceId: by.workspaceId, channelId: null, weekday: null, time: null, tz: null, ...after });
      audit.write(by, { entity: 'workspace', entityId: DIGEST, action: 'workspace-setting', before, after, at: nowAt });
    })
    .immediate;

  return { getWorkspaceSettings: settings, setNudgeLadder: setLadder, setDigest, lastDigestPost: (workspaceId) => lastPost.get(workspaceId) };
}
