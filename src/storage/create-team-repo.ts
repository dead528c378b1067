/** `loadTeam`: the whole workspace for `team` and the digest; one query, then two per 250 members. */
import type Database from 'better-sqlite3';
import type { Store } from '../core/ports.js';
import type { TeamReader } from './create-team-reader.js';
import { MEMBER_COLUMNS, toMember, type MemberTuple } from './member-tuple.js';

export function createTeamRepo(sqlite: Database.Database, reader: TeamReader): Pick<Store, 'loadTeam'> {
  const members = sqlite
    .prepare<[number], MemberTuple>(`select ${MEMBER_COLUMNS} from members m where m.workspace_id = ? order by m.id`)
    .raw(true);
  return {
    loadTeam: (workspaceId) => reader.withData(members.all(workspaceId).map(toMember)),
  };
}
