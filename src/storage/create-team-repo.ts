/**
 * `loadTeam`: the whole workspace for `team`; one query, then two per 250 members.
 * `listTeamPage`: the same a page at a time, so the scheduler's digest never holds the loop long.
 */
import type Database from 'better-sqlite3';
import type { SchedulerStore, Store } from '../core/ports.js';
import type { TeamReader } from './create-team-reader.js';
import { MEMBER_DATA_COLUMNS, type MemberDataTuple } from './member-tuple.js';

export function createTeamRepo(sqlite: Database.Database, reader: TeamReader): Pick<Store, 'loadTeam'> {
  const members = sqlite
    .prepare<[number], MemberDataTuple>(`select ${MEMBER_DATA_COLUMNS} from members m where m.workspace_id = ? order by m.id`)
    .raw(true);
  return {
    loadTeam: (workspaceId) => reader.withData(members.all(workspaceId)),
  };
}

export function createTeamPages(sqlite: Database.Database, reader: TeamReader): Pick<SchedulerStore, 'listTeamPage'> {
  const page = sqlite
    .prepare<{ workspaceId: number; afterId: number; limit: number }, MemberDataTuple>(
      `select ${MEMBER_DATA_COLUMNS} from members m where m.workspace_id = :workspaceId and m.id > :afterId order by m.id limit :limit`,
    )
    .raw(true);
  return {
    listTeamPage: (workspaceId, afterId, limit) => (limit <= 0 ? [] : reader.withData(page.all({ workspaceId, afterId, limit }))),
  };
}
