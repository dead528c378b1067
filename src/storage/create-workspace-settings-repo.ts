/**
 * Workspace-wide scheduler settings: the nudge ladder and the weekly digest. Changed by admins,
 * so every change is audited like a rule setting, with the value before and after. The admin who
 * set the digest last is kept with it: a post the bot may not make in its channel is theirs to fix.
 */
import type Database from 'better-sqlite3';
import type { DigestPost, DigestSchedule, MemberScope, PlannedMessage, Store, WorkspaceSettings } from '../core/ports.js';
import type { AuditLog } from './create-audit-log.js';
import { DIGEST, NUDGE_LADDER } from './due-after-change.js';

export type WorkspaceSettingsRepo = Pick<Store, 'getWorkspaceSettings' | 'setNudgeLadder' | 'setDigest' | 'lastDigestPost' | 'announceDigest'>;

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

type DigestParams = { workspaceId: number; setBy: number | null; channelId: string | null; weekday: number | null; time: string | null; tz: string | null };

/** Keys of the confirmations posted when a digest is set (`digestConfirmation`), beside the weekly "digest:<date>". */
const CONFIRMATION_KEYS = "key >= 'digest-set:' and key < 'digest-set;'";

export function createWorkspaceSettingsRepo(sqlite: Database.Database, audit: AuditLog): WorkspaceSettingsRepo {
  const read = sqlite
    .prepare<[number], SettingsTuple>(`select nudge_ladder, ${DIGEST_COLUMNS} from workspaces where id = ?`)
    .raw(true);
  // Weekly keys are "digest:<date>", so the newest is the last in the (workspace, key) index; the
  // confirmations (one per configuration set, so few) are compared by when they were queued, as a
  // confirmation queued again (`announceDigest`) is newer than its row. A failed channel post names
  // the admin it is kept for only when the bot was refused there (create-outbox.ts).
  const postColumns = "created_at as plannedAt, status, last_error as error, status = 'failed' and member_id is not null as channelRefused, id";
  type PostRow = Omit<DigestPost, 'channelRefused' | 'confirmation'> & { channelRefused: 0 | 1; confirmation: 0 | 1 };
  const lastPost = sqlite.prepare<{ workspaceId: number }, PostRow>(
    `select plannedAt, status, error, channelRefused, confirmation from (
       select * from (select ${postColumns}, 0 as confirmation from outbox where workspace_id = :workspaceId and key >= 'digest:' and key < 'digest;' order by key desc limit 1)
       union all
       select * from (select ${postColumns}, 1 as confirmation from outbox where workspace_id = :workspaceId and ${CONFIRMATION_KEYS} order by created_at desc, id desc limit 1))
     order by plannedAt desc, id desc limit 1`,
  );
  // Once per configuration (its key); `again` queues one already sent or failed afresh, as new.
  const announce = sqlite.prepare<{ workspaceId: number; key: string; channelId: string; kind: string; reply: string; nowAt: string; again: 0 | 1 }>(
    `insert into outbox (workspace_id, member_id, key, target_kind, target_id, kind, reply, status, next_attempt_at, created_at)
     values (:workspaceId, null, :key, 'channel', :channelId, :kind, :reply, 'pending', :nowAt, :nowAt)
     on conflict (workspace_id, key) do update set status = 'pending', member_id = null, reply = excluded.reply, attempts = 0,
       next_attempt_at = excluded.next_attempt_at, created_at = excluded.created_at, sent_at = null, last_error = null, noticed_at = null
     where :again = 1 and outbox.status in ('sent', 'failed')`,
  );
  const writeLadder = sqlite.prepare<{ workspaceId: number; ladder: string | null }>(
    'update workspaces set nudge_ladder = :ladder where id = :workspaceId',
  );
  const writeDigest = sqlite.prepare<DigestParams>(
    `update workspaces set digest_channel_id = :channelId, digest_weekday = :weekday, digest_time = :time, digest_tz = :tz,
       digest_set_by = :setBy
     where id = :workspaceId`,
  );
  // A confirmation not posted yet speaks of a setting that no longer holds.
  const withdrawConfirmations = sqlite.prepare<[number]>(`delete from outbox where workspace_id = ? and ${CONFIRMATION_KEYS} and status = 'pending'`);
  const writeSetBy = sqlite.prepare<{ workspaceId: number; setBy: number }>('update workspaces set digest_set_by = :setBy where id = :workspaceId');

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
      if (JSON.stringify(before) === JSON.stringify(after)) {
        // Nothing to audit; an admin setting it again (to check the channel) is who waits on its post.
        if (after !== null) writeSetBy.run({ workspaceId: by.workspaceId, setBy: by.memberId });
        return;
      }
      writeDigest.run({ workspaceId: by.workspaceId, setBy: after === null ? null : by.memberId, channelId: null, weekday: null, time: null, tz: null, ...after });
      withdrawConfirmations.run(by.workspaceId);
      audit.write(by, { entity: 'workspace', entityId: DIGEST, action: 'workspace-setting', before, after, at: nowAt });
    })
    .immediate;

  const lastDigestPost = (workspaceId: number): DigestPost | undefined => {
    const row = lastPost.get({ workspaceId });
    return row && { ...row, channelRefused: row.channelRefused === 1, confirmation: row.confirmation === 1 };
  };

  const announceDigest = (post: PlannedMessage, nowAt: string, again: boolean): void => {
    if (post.target.kind !== 'channel') throw new Error('a digest is announced in a channel');
    announce.run({ workspaceId: post.workspaceId, key: post.key, channelId: post.target.channelId, kind: post.kind, reply: JSON.stringify(post.reply), nowAt, again: again ? 1 : 0 });
  };

  return { getWorkspaceSettings: settings, setNudgeLadder: setLadder, setDigest, lastDigestPost, announceDigest };
}
