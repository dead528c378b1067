/**
 * DMs that failed for good (closed DMs), kept for the member: the next time they use the bot they
 * see what they missed, once. Reading and marking share a transaction, so two commands arriving
 * together cannot both show the same note. A DM given up for a reason that is not the member's
 * (an outage, content the platform refused) is failed already noticed (create-outbox.ts): "I could
 * not reach you by DM" would not be true of it.
 *
 * Channel posts the bot was not allowed to make are kept the same way for the admin who set the
 * digest in that channel (create-outbox.ts names them), and shown while it is still the digest's
 * channel and they are still the one who set it: a digest moved or reset since makes them moot.
 */
import type Database from 'better-sqlite3';
import type { ChannelPostFailure, MemberScope, Store, UndeliveredNote } from '../core/ports.js';
import type { Reply } from '../core/reply.js';

type NoteTuple = [id: number, plannedAt: string, reply: string];
type FailureTuple = [id: number, plannedAt: string, channelId: string, error: string | null, key: string];

export function createUndeliveredNotes(sqlite: Database.Database): Pick<Store, 'takeUndelivered' | 'takeChannelFailures'> {
  // The partial index outbox_undelivered holds exactly the rows this looks for.
  const pending = sqlite
    .prepare<MemberScope, NoteTuple>(
      `select id, created_at, reply from outbox
       where member_id = :memberId and status = 'failed' and noticed_at is null
         and workspace_id = :workspaceId and target_kind = 'direct'
       order by created_at, id`,
    )
    .raw(true);
  // The same index; an admin with nothing kept costs one seek there.
  const refused = sqlite
    .prepare<MemberScope, FailureTuple>(
      `select o.id, o.created_at, o.target_id, o.last_error, o.key from outbox o join workspaces w on w.id = o.workspace_id
       where o.member_id = :memberId and o.status = 'failed' and o.noticed_at is null
         and o.workspace_id = :workspaceId and o.target_kind = 'channel'
         and w.digest_set_by = :memberId and w.digest_channel_id = o.target_id
       order by o.created_at, o.id`,
    )
    .raw(true);
  const notice = sqlite.prepare<{ id: number; nowAt: string }>('update outbox set noticed_at = :nowAt where id = :id');

  const take = sqlite
    .transaction((scope: MemberScope, nowAt: string): UndeliveredNote[] => {
      const rows = pending.all({ workspaceId: scope.workspaceId, memberId: scope.memberId });
      for (const [id] of rows) notice.run({ id, nowAt });
      return rows.map(([, plannedAt, reply]) => ({ plannedAt, reply: JSON.parse(reply) as Reply }));
    })
    .immediate;

  const takeRefused = sqlite
    .transaction((scope: MemberScope, nowAt: string): ChannelPostFailure[] => {
      const rows = refused.all({ workspaceId: scope.workspaceId, memberId: scope.memberId });
      for (const [id] of rows) notice.run({ id, nowAt });
      // Confirmations are keyed "digest-set:…" (the core's digestConfirmation), weekly posts "digest:<date>".
      return rows.map(([, plannedAt, channelId, error, key]) => ({ plannedAt, channelId, error: error ?? 'refused', confirmation: key.startsWith('digest-set:') }));
    })
    .immediate;

  return {
    takeUndelivered: take,
    // Asked on every admin request: the write lock is taken only when there is something to mark,
    // so an admin's question does not wait on another process holding it.
    takeChannelFailures: (scope, nowAt) => (refused.all({ workspaceId: scope.workspaceId, memberId: scope.memberId }).length === 0 ? [] : takeRefused(scope, nowAt)),
  };
}
