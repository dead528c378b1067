/**
 * DMs that failed for good (closed DMs), kept for the member: the next time they use the bot they
 * see what they missed, once. Reading and marking share a transaction, so two commands arriving
 * together cannot both show the same note. A DM given up for a reason that is not the member's
 * (an outage, content the platform refused) is failed already noticed (create-outbox.ts): "I could
 * not reach you by DM" would not be true of it.
 */
import type Database from 'better-sqlite3';
import type { MemberScope, Store, UndeliveredNote } from '../core/ports.js';
import type { Reply } from '../core/reply.js';

type NoteTuple = [id: number, plannedAt: string, reply: string];

export function createUndeliveredNotes(sqlite: Database.Database): Pick<Store, 'takeUndelivered'> {
  // The partial index outbox_undelivered holds exactly the rows this looks for.
  const pending = sqlite
    .prepare<MemberScope, NoteTuple>(
      `select id, created_at, reply from outbox
       where member_id = :memberId and status = 'failed' and noticed_at is null
         and workspace_id = :workspaceId and target_kind = 'direct'
       order by created_at, id`,
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

  return { takeUndelivered: take };
}
