/**
 * Members with their live credentials and activities, read in bulk: two queries per batch of
 * members, not two per member. The ids go in as one JSON array (`json_each`): SQLite then seeks each
 * member's rows by index, which measured the same as a `member_id between` range when the members
 * are consecutive and far less when they are spread out (a sweep's due members usually are).
 *
 * Activities come in id order (the order they were logged), which the index yields without a sort;
 * the rules engine orders by completion date itself (sorting here cost ~20% of a sweep).
 */
import type Database from 'better-sqlite3';
import type { Member, TeamMember } from '../core/ports.js';
import { CREDENTIAL_COLUMNS, toStoredCredential, type CredentialTuple } from './credential-tuple.js';
import { ACTIVITY_COLUMNS, toStoredActivity, type ActivityTuple } from './to-stored-activity.js';

type MemberCredentialTuple = [memberId: number, ...CredentialTuple];

/**
 * Members per pair of queries. Whole teams are read a batch at a time because the row arrays of
 * one batch die young: 33,000 members in one go took 3.3-4 s against 2.2-2.4 s in batches of 250.
 */
const BATCH = 250;

export interface TeamReader {
  /** The members (in the order given) with their credentials and activities. */
  withData(members: Member[]): TeamMember[];
}

export function createTeamReader(sqlite: Database.Database): TeamReader {
  const credentials = sqlite
    .prepare<[string], MemberCredentialTuple>(
      `select member_id, ${CREDENTIAL_COLUMNS} from credentials
       where member_id in (select value from json_each(?)) and removed_at is null order by member_id, id`,
    )
    .raw(true);
  const activities = sqlite
    .prepare<[string], ActivityTuple>(
      `select ${ACTIVITY_COLUMNS} from activities
       where member_id in (select value from json_each(?)) and deleted_at is null order by member_id, id`,
    )
    .raw(true);

  const load = (team: TeamMember[]): void => {
    const byId = new Map(team.map((member) => [member.memberId, member]));
    const ids = JSON.stringify(team.map((member) => member.memberId));
    for (const [memberId, code, expiresOn, certifiedOn, snoozedUntil] of credentials.all(ids)) {
      byId.get(memberId)?.credentials.push(toStoredCredential(code, expiresOn, certifiedOn, snoozedUntil));
    }
    for (const row of activities.all(ids)) byId.get(row[1])?.activities.push(toStoredActivity(row));
  };

  return {
    withData(members) {
      const team = members.map((member): TeamMember => ({ ...member, credentials: [], activities: [] }));
      for (let start = 0; start < team.length; start += BATCH) load(team.slice(start, start + BATCH));
      return team;
    },
  };
}
