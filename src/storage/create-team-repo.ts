/**
 * `loadTeam`: the whole workspace for `team`; one query, then two per 250 members.
 * `loadMember`: one member the same way, for `status` and `need`; `saveTallies` keeps what they counted.
 * `listTeamPage`: the same a page at a time, so the scheduler's digest never holds the loop long.
 */
import type Database from 'better-sqlite3';
import type { SchedulerStore, Store } from '../core/ports.js';
import type { TeamReader } from './create-team-reader.js';
import { encodeTallies } from '../core/rules/tally.js';
import { StoreError } from './store-error.js';
import { MEMBER_DATA_COLUMNS, MEMBER_DATA_FROM, type MemberDataTuple } from './member-tuple.js';

export function createTeamRepo(sqlite: Database.Database, reader: TeamReader): Pick<Store, 'loadTeam' | 'loadMember' | 'saveTallies'> {
  const members = sqlite
    .prepare<[number], MemberDataTuple>(`select ${MEMBER_DATA_COLUMNS} from ${MEMBER_DATA_FROM} where m.workspace_id = ? order by m.id`)
    .raw(true);
  const member = sqlite
    .prepare<[number, number], MemberDataTuple>(`select ${MEMBER_DATA_COLUMNS} from ${MEMBER_DATA_FROM} where m.id = ? and m.workspace_id = ?`)
    .raw(true);
  // Tallies of an older version would be ignored by every reader: keep them only if still current.
  const saveTallies = sqlite.prepare<{ memberId: number; workspaceId: number; version: number; tallies: string }>(
    `insert into member_tallies (member_id, data_version, tallies)
     select id, data_version, :tallies from members where id = :memberId and workspace_id = :workspaceId and data_version = :version
     on conflict (member_id) do update set data_version = excluded.data_version, tallies = excluded.tallies`,
  );
  return {
    loadTeam: (workspaceId) => reader.withData(members.all(workspaceId)),
    loadMember({ workspaceId, memberId }) {
      const row = member.get(memberId, workspaceId);
      if (!row) throw new StoreError('not-found', `no member ${memberId} in workspace ${workspaceId}`);
      return reader.one(row);
    },
    saveTallies({ workspaceId, memberId }, version, tallies) {
      saveTallies.run({ memberId, workspaceId, version, tallies: encodeTallies(tallies) });
    },
  };
}

/** A page of a workspace's members after `afterId`, in id order: a seek in members_workspace, no sort (tested). */
export const TEAM_PAGE_SQL = `select ${MEMBER_DATA_COLUMNS} from ${MEMBER_DATA_FROM} where m.workspace_id = :workspaceId and m.id > :afterId order by m.id limit :limit`;

export function createTeamPages(sqlite: Database.Database, reader: TeamReader): Pick<SchedulerStore, 'listTeamPage'> {
  const page = sqlite.prepare<{ workspaceId: number; afterId: number; limit: number }, MemberDataTuple>(TEAM_PAGE_SQL).raw(true);
  return {
    listTeamPage: (workspaceId, afterId, limit) => (limit <= 0 ? [] : reader.withData(page.all({ workspaceId, afterId, limit }))),
  };
}
