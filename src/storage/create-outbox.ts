/**
 * The outbox: planned messages and their delivery. A message moves pending → sending (claimed) →
 * sent | pending again (retry) | failed, or is withdrawn (deleted, as a member's change deletes
 * their pending ones) when its member changed while it was claimed; only a message still to go can
 * be marked, so a stray mark never revives a sent one. Claims happen in an immediate transaction,
 * so two drainers (or processes) never claim the same row.
 *
 * A DM given up for a reason that is not its member's (an outage through every retry, content the
 * platform refuses) is failed with `noticed_at` set: there is nothing for the member to be shown.
 * A channel post the bot may not make (not invited, no permission) is failed for the admin who set
 * the digest in that channel, named in `member_id`, to be shown to them, until a later post there
 * goes through; a channel the digest has moved away from since is nobody's to fix, so that one is
 * failed already noticed.
 *
 * A mark also lands on a claimed message that is pending again: another process starting on the
 * same file (a console run beside the bot) takes every "sending" row for a crash's leftovers and
 * requeues it. The send in flight still records its outcome, so the message is not sent again.
 */
import type Database from 'better-sqlite3';
import type { MessageKind, OutboxMessage, OutboxTarget, Platform, PlannedMessage, SchedulerStore } from '../core/ports.js';
import type { Reply } from '../core/reply.js';
import type { OutboxStatus } from './schema.js';

export type Outbox = Omit<SchedulerStore, 'listDueMembers' | 'setNextChecks' | 'listDigests' | 'listTeamPage'>;

type InsertParams = [
  workspaceId: number,
  memberId: number | null,
  key: string,
  targetKind: OutboxTarget['kind'],
  targetId: string,
  kind: MessageKind,
  reply: string,
  nextAttemptAt: string,
  createdAt: string,
  series: string | null,
];

type ClaimTuple = [
  id: number,
  workspaceId: number,
  memberId: number | null,
  key: string,
  targetKind: OutboxTarget['kind'],
  targetId: string,
  kind: MessageKind,
  reply: string,
  attempts: number,
  createdAt: string,
  platform: Platform,
  tenantId: string,
  /** The member's row id, null for a channel post (or a DM to no known member). */
  recipientId: number | null,
  tz: string | null,
  platformTz: string | null,
  quietHours: string | null,
  /** The member's data version, for a DM: the drainer checks it has not moved before sending. */
  dataVersion: number | null,
  /** 1 when a newer message of its series waits too: this one is dropped, not sent. */
  superseded: number,
  series: string | null,
];

/** A message of a series sent at or after an instant: a seek in outbox_series_sent (migration 0008). */
export const SENT_IN_SERIES_SINCE_SQL = "select 1 from outbox where status = 'sent' and series = ? and sent_at >= ?";

/** Positional: a sweep inserts thousands of messages, and binding by name costs a lookup each. */
function toInsertParams(message: PlannedMessage, nowAt: string): InsertParams {
  const { target } = message;
  const targetId = target.kind === 'direct' ? target.userId : target.channelId;
  return [message.workspaceId, message.memberId, message.key, target.kind, targetId, message.kind, JSON.stringify(message.reply), nowAt, nowAt, message.series ?? null];
}

/** The claim query's `superseded` column: a newer message of this one's series waits too. */
const isReplaced = (row: ClaimTuple): boolean => row[17] === 1;

function toOutboxMessage(row: ClaimTuple): OutboxMessage {
  const [id, workspaceId, memberId, key, targetKind, targetId, kind, reply, attempts, createdAt, platform, tenantId, recipientId, tz, platformTz, quietHours, dataVersion] = row;
  const target: OutboxTarget = targetKind === 'direct' ? { kind: 'direct', userId: targetId } : { kind: 'channel', channelId: targetId };
  // `attempts` as it is after this claim's update.
  const message: OutboxMessage = { id, key, workspaceId, memberId, target, kind, reply: JSON.parse(reply) as Reply, platform, tenantId, attempts: attempts + 1, createdAt };
  if (recipientId !== null) {
    message.recipient = { tz, platformTz, quietHours };
    message.dataVersion = dataVersion!;
  }
  return message;
}

export function createOutbox(sqlite: Database.Database): Outbox {
  const insert = sqlite.prepare<InsertParams>(
    `insert into outbox (workspace_id, member_id, key, target_kind, target_id, kind, reply, status, next_attempt_at, created_at, series)
     values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
     on conflict (workspace_id, key) do nothing`,
  );
  // A ladder stage whose series had a message sent since the stage began is covered: not added.
  const insertStage = sqlite.prepare<[...InsertParams, series: string, stageFrom: string]>(
    `insert into outbox (workspace_id, member_id, key, target_kind, target_id, kind, reply, status, next_attempt_at, created_at, series)
     select ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?
     where not exists (${SENT_IN_SERIES_SINCE_SQL})
     on conflict (workspace_id, key) do nothing`,
  );
  const exists = sqlite
    .prepare<{ workspaceId: number; key: string }, number>('select 1 from outbox where workspace_id = :workspaceId and key = :key')
    .pluck(true);
  // Seeks (pending, <= now) in outbox_status_due, already in claim order; stops after `limit` rows.
  // A DM's member comes with their current zone and quiet hours: the drainer keeps to their hours.
  // The line check seeks outbox_target_open by target: only that target's messages still to go (a
  // handful), each row read for its status and next attempt, and `e.id <> o.id` answered from the
  // index. A target with nothing else waiting, the usual case, costs one probe, as before; the
  // cost follows what waits for that one target, never the size of the outbox.
  const due = sqlite
    .prepare<{ nowAt: string; limit: number; platforms: string | null }, ClaimTuple>(
      `select o.id, o.workspace_id, o.member_id, o.key, o.target_kind, o.target_id, o.kind, o.reply, o.attempts,
         o.created_at, w.platform, w.external_id, m.id, m.tz, m.platform_tz, m.quiet_hours, m.data_version,
         o.series is not null and exists (select 1 from outbox n where n.member_id = o.member_id and n.status = 'pending'
           and n.series = o.series and n.id > o.id),
         o.series
       from outbox o join workspaces w on w.id = o.workspace_id
         left join members m on m.id = o.member_id and o.target_kind = 'direct'
       where o.status = 'pending' and o.next_attempt_at <= :nowAt
         and (:platforms is null or w.platform in (select value from json_each(:platforms)))
         -- a DM's or channel's messages go one at a time, those due in the order they were planned;
         -- one held for later (a retry's backoff, the member's hours) does not hold back the next
         and not exists (select 1 from outbox e where e.workspace_id = o.workspace_id and e.target_kind = o.target_kind
           and e.target_id = o.target_id and e.status in ('pending', 'sending') and e.id <> o.id
           and (e.status = 'sending' or (e.id < o.id and e.next_attempt_at <= :nowAt)))
       order by o.next_attempt_at, o.id limit :limit`,
    )
    .raw(true);
  const dropReplaced = sqlite.prepare<[number]>("delete from outbox where id = ? and status = 'pending'");
  // A newer message of a series can be handed out while an older one is held for later (a retry):
  // that one would go stale after it, so it goes now. A seek in outbox_member_pending.
  const dropOlderInSeries = sqlite.prepare<[memberId: number | null, series: string, id: number]>(
    "delete from outbox where member_id = ? and status = 'pending' and series = ? and id < ?",
  );
  const markSending = sqlite.prepare<[number]>("update outbox set status = 'sending', attempts = attempts + 1 where id = ?");
  type Settled = { targetKind: OutboxTarget['kind']; memberId: number | null };
  const sent = sqlite.prepare<{ id: number; nowAt: string }, Settled & { workspaceId: number; targetId: string }>(
    `update outbox set status = 'sent', sent_at = :nowAt where id = :id and status in ('sending', 'pending')
     returning target_kind as targetKind, member_id as memberId, workspace_id as workspaceId, target_id as targetId`,
  );
  // A post that went through answers the failures in that channel not shown yet: they are moot now.
  // Those are kept for the digest's setter, so the partial index outbox_undelivered finds them.
  const channelWorks = sqlite.prepare<{ workspaceId: number; targetId: string; nowAt: string }>(
    `update outbox set noticed_at = :nowAt
     where member_id = (select digest_set_by from workspaces where id = :workspaceId) and status = 'failed' and noticed_at is null
       and workspace_id = :workspaceId and target_kind = 'channel' and target_id = :targetId`,
  );
  // `uncounted` 1: the platform only said to wait, so the claim's attempt is taken back.
  const retry = sqlite.prepare<{ id: number; nextAttemptAt: string; error: string; uncounted: 0 | 1 }>(
    `update outbox set status = 'pending', next_attempt_at = :nextAttemptAt, last_error = :error,
       attempts = max(attempts - :uncounted, 0)
     where id = :id and status in ('sending', 'pending')`,
  );
  const release = sqlite.prepare<{ id: number; nextAttemptAt: string }>(
    `update outbox set status = 'pending', next_attempt_at = :nextAttemptAt, attempts = max(attempts - 1, 0)
     where id = :id and status in ('sending', 'pending')`,
  );
  const failed = sqlite.prepare<{ id: number; error: string }, Settled>(
    `update outbox set status = 'failed', last_error = :error where id = :id and status in ('sending', 'pending')
     returning target_kind as targetKind, member_id as memberId`,
  );
  // By primary keys: the workspace's row says who set the digest, and whether it is still there.
  const keepForSetter = sqlite.prepare<{ id: number; nowAt: string }>(
    `update outbox set
       member_id = (select w.digest_set_by from workspaces w where w.id = outbox.workspace_id and w.digest_channel_id = outbox.target_id),
       noticed_at = case when exists (select 1 from workspaces w where w.id = outbox.workspace_id and w.digest_channel_id = outbox.target_id
         and w.digest_set_by is not null) then null else :nowAt end
     where id = :id`,
  );
  // Not the recipient's failure: nothing for them to be shown (noticed_at set keeps it out of their notes).
  const abandoned = sqlite.prepare<{ id: number; error: string; nowAt: string }>(
    `update outbox set status = 'failed', last_error = :error, noticed_at = :nowAt where id = :id and status in ('sending', 'pending')`,
  );
  // By primary key; the member's by theirs. `data_version` only for a DM, as the claim reads it.
  const claimState = sqlite
    .prepare<[number], { status: OutboxStatus; memberId: number | null; dataVersion: number | null }>(
      `select o.status, o.member_id as memberId, m.data_version as dataVersion
       from outbox o left join members m on m.id = o.member_id and o.target_kind = 'direct' where o.id = ?`,
    );
  const withdrawClaimed = sqlite.prepare<[number]>("delete from outbox where id = ? and status in ('sending', 'pending')");
  const memberDue = sqlite.prepare<[number]>('update members set next_check_at = null where id = ?');
  const reachable = sqlite.prepare<[number]>('update members set unreachable_since = null where id = ? and unreachable_since is not null');
  const unreachable = sqlite.prepare<{ memberId: number; nowAt: string }>(
    'update members set unreachable_since = :nowAt where id = :memberId and unreachable_since is null',
  );
  const requeue = sqlite.prepare("update outbox set status = 'pending' where status = 'sending'");
  const nextDue = sqlite
    .prepare<{ platforms: string | null }, string | null>(
      `select min(o.next_attempt_at) from outbox o join workspaces w on w.id = o.workspace_id
       where o.status = 'pending' and (:platforms is null or w.platform in (select value from json_each(:platforms)))`,
    )
    .pluck(true);
  const counts = sqlite.prepare<[], [OutboxStatus, number]>('select status, count(*) from outbox group by status').raw(true);

  const enqueue = sqlite.transaction((messages: PlannedMessage[], nowAt: string): number => {
    let inserted = 0;
    for (const message of messages) {
      const params = toInsertParams(message, nowAt);
      const { series, stageFrom } = message;
      inserted += (series && stageFrom ? insertStage.run(...params, series, stageFrom) : insert.run(...params)).changes;
    }
    return inserted;
  });

  const claim = sqlite.transaction((nowAt: string, limit: number, platforms: string | null): OutboxMessage[] => {
    for (;;) {
      const rows = due.all({ nowAt, limit, platforms });
      const replaced = rows.filter(isReplaced);
      if (replaced.length === 0) {
        for (const row of rows) {
          const [id, , memberId] = row;
          markSending.run(id);
          const series = row[18];
          if (series !== null) dropOlderInSeries.run(memberId, series, id);
        }
        return rows.map(toOutboxMessage);
      }
      // Dropped, and the query asked again: the newer message may now be first in its DM's line.
      for (const [id] of replaced) dropReplaced.run(id);
    }
  });

  const markSent = sqlite.transaction((id: number, nowAt: string): void => {
    const row = sent.get({ id, nowAt });
    if (row?.targetKind === 'direct' && row.memberId !== null) reachable.run(row.memberId);
    if (row?.targetKind === 'channel') channelWorks.run({ workspaceId: row.workspaceId, targetId: row.targetId, nowAt });
  });

  const markFailed = sqlite.transaction((id: number, error: string, nowAt: string): void => {
    const row = failed.get({ id, error });
    if (row?.targetKind === 'direct' && row.memberId !== null) unreachable.run({ memberId: row.memberId, nowAt });
    if (row?.targetKind === 'channel') keepForSetter.run({ id, nowAt });
  });

  // Made due as well: a sweep since the change found this row in the way and planned nothing.
  const withdraw = sqlite.transaction((id: number, memberId: number): void => {
    if (withdrawClaimed.run(id).changes > 0) memberDue.run(memberId);
  });

  function confirmClaim(message: Pick<OutboxMessage, 'id' | 'dataVersion'>): boolean {
    const row = claimState.get(message.id);
    // Pending too: another process's start-up requeued it, and a mark still lands (see the top).
    if (row?.status !== 'sending' && row?.status !== 'pending') return false;
    if (message.dataVersion === undefined || row.memberId === null || row.dataVersion === message.dataVersion) return true;
    withdraw.immediate(message.id, row.memberId);
    return false;
  }

  return {
    enqueue: (messages, nowAt) => (messages.length === 0 ? 0 : enqueue.immediate(messages, nowAt)),
    hasMessage: (workspaceId, key) => exists.get({ workspaceId, key }) !== undefined,
    claimDue: (nowAt, limit, platforms) => (limit <= 0 ? [] : claim.immediate(nowAt, limit, platformList(platforms))), // a negative LIMIT is none
    markSent: (id, nowAt) => markSent.immediate(id, nowAt),
    markRetry: (id, nextAttemptAt, error, counted = true) => void retry.run({ id, nextAttemptAt, error, uncounted: counted ? 0 : 1 }),
    release: (id, nextAttemptAt) => void release.run({ id, nextAttemptAt }),
    markFailed: (id, error, nowAt) => markFailed.immediate(id, error, nowAt),
    markAbandoned: (id, error, nowAt) => void abandoned.run({ id, error, nowAt }),
    replan(id) {
      const memberId = claimState.get(id)?.memberId;
      if (memberId !== null && memberId !== undefined) withdraw.immediate(id, memberId);
    },
    confirmClaim,
    requeueInterrupted: () => requeue.run().changes,
    nextDueAt: (platforms) => nextDue.get({ platforms: platformList(platforms) }) ?? undefined,
    countOutbox() {
      const result = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const [status, count] of counts.all()) result[status] = count;
      return result;
    },
  };
}

/** The platforms filter as a JSON array for json_each, or null for every platform. */
function platformList(platforms: readonly string[] | undefined): string | null {
  return platforms === undefined ? null : JSON.stringify(platforms);
}
