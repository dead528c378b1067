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
import type { NextCheck, SchedulerStore } from '../core/ports.js';
import type { TeamReader } from './create-team-reader.js';
import { MEMBER_DATA_COLUMNS, type MemberDataTuple } from './member-tuple.js';

export type DueMembers = Pick<SchedulerStore, 'listDueMembers' | 'setNextChecks'>;

export function createDueMembers(sqlite: Database.Database, reader: TeamReader): DueMembers {
  const due = sqlite
    .prepare<{ nowAt: string; afterId: number; limit: number }, MemberDataTuple>(
      `select ${MEMBER_DATA_COLUMNS} from members m
       where m.id > :afterId and (m.next_check_at is null or m.next_check_at <= :nowAt)
       order by m.id limit :limit`,
    )
    .raw(true);
  const setNext = sqlite.prepare<{ memberId: number; at: string }>('update members set next_check_at = :at where id = :memberId');
  // Planned from `version`: if the member changed since, they stay due and nothing is saved.
  const setNextAt = sqlite.prepare<{ memberId: number; at: string; version: number }>(
    'update members set next_check_at = :at where id = :memberId and data_version = :version',
  );
  const saveTallies = sqlite.prepare<{ memberId: number; version: number; tallies: string }>(
    `insert into member_tallies (member_id, data_version, tallies) values (:memberId, :version, :tallies)
     on conflict (member_id) do update set data_version = excluded.data_version, tallies = excluded.tallies`,
  );

  const setNextChecks = sqlite.transaction((checks: NextCheck[]): void => {
    for (const { memberId, at, dataVersion: version, tallies } of checks) {
      if (version === undefined) setNext.run({ memberId, at });
      else if (setNextAt.run({ memberId, at, version }).changes === 1 && tallies) saveTallies.run({ memberId, version, tallies: JSON.stringify(tallies) });
    }
  });

  return {
    // SQLite reads a negative LIMIT as "no limit".
    listDueMembers: (nowAt, afterId, limit) => (limit <= 0 ? [] : reader.withData(due.all({ nowAt, afterId, limit }))),
    setNextChecks(checks) {
      if (checks.length > 0) setNextChecks.immediate(checks);
    },
  };
}
