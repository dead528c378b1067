/**
 * The scheduler's view of members: who is due, and when to look at each again.
 *
 * Due members are found by walking the members table in id order from `afterId` (the primary key),
 * not through an index on next_check_at: a sweep then reads each member row once, whatever the mix
 * of due and not due (33,000 members: ~3 ms per sweep when none is due). An index (next_check_at, id)
 * answers "is null" well but "<= now" only by sorting every overdue member on every page, and
 * overdue members come in crowds (everyone whose next check was the same local midnight): measured
 * 260 ms against 13 ms for a sweep of 33,000 overdue members.
 *
 * "Due" is `ifnull(next_check_at, '') <= now` rather than `next_check_at is null or … <= now`: the
 * same members (an ISO instant is never empty), but SQLite tests one expression a row instead of an
 * OR, and a sweep with nobody due is that test 33,000 times: 1.7 ms against 2.6 ms a sweep.
 */
import type Database from 'better-sqlite3';
import type { NextCheck, SchedulerStore } from '../core/ports.js';
import { encodeTallies } from '../core/rules/tally.js';
import type { TeamReader } from './create-team-reader.js';
import { MEMBER_DATA_COLUMNS, MEMBER_DATA_FROM, type MemberDataTuple } from './member-tuple.js';

export type DueMembers = Pick<SchedulerStore, 'listDueMembers' | 'setNextChecks'>;

export function createDueMembers(sqlite: Database.Database, reader: TeamReader): DueMembers {
  const due = sqlite
    .prepare<{ nowAt: string; afterId: number; limit: number }, MemberDataTuple>(
      `select ${MEMBER_DATA_COLUMNS} from ${MEMBER_DATA_FROM}
       where m.id > :afterId and ifnull(m.next_check_at, '') <= :nowAt
       order by m.id limit :limit`,
    )
    .raw(true);
  // Positional parameters: a sweep runs these once per member, and binding by name costs a lookup each.
  const setNext = sqlite.prepare<[at: string, memberId: number]>('update members set next_check_at = ? where id = ?');
  // Planned from `version`: if the member changed since, they stay due and nothing is saved.
  const setNextAt = sqlite.prepare<[at: string, memberId: number, version: number]>(
    'update members set next_check_at = ? where id = ? and data_version = ?',
  );
  const saveTallies = sqlite.prepare<[memberId: number, version: number, tallies: string]>(
    `insert into member_tallies (member_id, data_version, tallies) values (?, ?, ?)
     on conflict (member_id) do update set data_version = excluded.data_version, tallies = excluded.tallies`,
  );

  const setNextChecks = sqlite.transaction((checks: NextCheck[]): void => {
    for (const { memberId, at, dataVersion: version, tallies } of checks) {
      if (version === undefined) setNext.run(at, memberId);
      else if (setNextAt.run(at, memberId, version).changes === 1 && tallies) saveTallies.run(memberId, version, encodeTallies(tallies));
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
