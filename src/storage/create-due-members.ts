/**
 * The scheduler's view of members: who is due, and when to look at each again.
 *
 * Due members are found by walking the members table in id order from `afterId` (the primary key),
 * not through an index on next_check_at: a sweep then reads each member row once, whatever the mix
 * of due and not due (33,000 members: ~3 ms per sweep when none is due). An index (next_check_at, id)
 * answers "is null" well but "<= now" only by sorting every overdue member on every page, and
 * overdue members come in crowds (everyone whose next check was the same local midnight): measured
 * 260 ms against 13 ms for a sweep of 33,000 overdue members.
 */
import type Database from 'better-sqlite3';
import type { SchedulerStore } from '../core/ports.js';
import type { TeamReader } from './create-team-reader.js';
import { MEMBER_COLUMNS, toMember, type MemberTuple } from './member-tuple.js';

export type DueMembers = Pick<SchedulerStore, 'listDueMembers' | 'setNextChecks'>;

export function createDueMembers(sqlite: Database.Database, reader: TeamReader): DueMembers {
  const due = sqlite
    .prepare<{ nowAt: string; afterId: number; limit: number }, MemberTuple>(
      `select ${MEMBER_COLUMNS} from members m
       where m.id > :afterId and (m.next_check_at is null or m.next_check_at <= :nowAt)
       order by m.id limit :limit`,
    )
    .raw(true);
  const setNext = sqlite.prepare<{ memberId: number; at: string }>('update members set next_check_at = :at where id = :memberId');

  const setNextChecks = sqlite.transaction((checks: { memberId: number; at: string }[]): void => {
    for (const { memberId, at } of checks) setNext.run({ memberId, at });
  });

  return {
    // SQLite reads a negative LIMIT as "no limit".
    listDueMembers: (nowAt, afterId, limit) => (limit <= 0 ? [] : reader.withData(due.all({ nowAt, afterId, limit }).map(toMember))),
    setNextChecks(checks) {
      if (checks.length > 0) setNextChecks.immediate(checks);
    },
  };
}
