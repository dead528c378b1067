/**
 * Members with their live credentials and activities, read in bulk: two queries per batch of
 * members, not two per member (saved tallies come with the member rows, MEMBER_DATA_FROM). The ids go in as one JSON array (`json_each`): SQLite then seeks each
 * member's rows by index, which measured the same as a `member_id between` range when the members
 * are consecutive and far less when they are spread out (a sweep's due members usually are).
 *
 * Activities come in id order (the order they were logged), which the index yields without a sort;
 * the rules engine orders by completion date itself (sorting here cost ~20% of a sweep). The index
 * holds every column read here, so a member's activities are one run of index pages, not a table
 * row each: members log over months, their rows lie spread over the table, and reading them row by
 * row took twice as long (33,000 members' 690,000 activities logged in random order: 1.5-1.8 s
 * against 0.6-0.7 s; one member's 21: 48 µs against 22 µs).
 */
import type Database from 'better-sqlite3';
import type { StoredCredential, TeamMember } from '../core/ports.js';
import { decodeTallies, type SavedTally } from '../core/rules/tally.js';
import type { ActivityInput } from '../core/rules/types.js';
import { CREDENTIAL_COLUMNS, toStoredCredential, type CredentialTuple } from './credential-tuple.js';
import type { MemberDataTuple } from './member-tuple.js';
import { COUNTED_ACTIVITY_COLUMNS, toCountedActivity, type CountedActivityTuple } from './to-stored-activity.js';

type MemberCredentialTuple = [memberId: number, ...CredentialTuple];

/** Live activities of a batch of members (a JSON array of ids), and of one member: index-only reads (migration 0007). */
export const ACTIVITIES_OF_MEMBERS_SQL = `select ${COUNTED_ACTIVITY_COLUMNS} from activities
  where member_id in (select value from json_each(?)) and deleted_at is null order by member_id, id`;
export const ACTIVITIES_OF_MEMBER_SQL = `select ${COUNTED_ACTIVITY_COLUMNS} from activities where member_id = ? and deleted_at is null order by id`;

/**
 * Members per pair of queries. Whole teams are read a batch at a time because the row arrays of
 * one batch die young: 33,000 members in one go took 3.3-4 s against 2.2-2.4 s in batches of 250.
 */
const BATCH = 250;

export interface TeamReader {
  /**
   * The members (in the order given) with their credentials and activities. A member with saved
   * tallies gets activities read only if the core asks for them (a getter): most never are.
   */
  withData(rows: MemberDataTuple[]): TeamMember[];
  /** One member the same way, by plain per-member seeks: cheaper than the batch queries for one. */
  one(row: MemberDataTuple): TeamMember;
}

export function createTeamReader(sqlite: Database.Database): TeamReader {
  const credentials = sqlite
    .prepare<[string], MemberCredentialTuple>(
      `select member_id, ${CREDENTIAL_COLUMNS} from credentials
       where member_id in (select value from json_each(?)) and removed_at is null order by member_id, id`,
    )
    .raw(true);
  const activities = sqlite.prepare<[string], CountedActivityTuple>(ACTIVITIES_OF_MEMBERS_SQL).raw(true);
  const credentialsOf = sqlite
    .prepare<[number], CredentialTuple>(`select ${CREDENTIAL_COLUMNS} from credentials where member_id = ? and removed_at is null order by id`)
    .raw(true);
  const activitiesOf = sqlite.prepare<[number], CountedActivityTuple>(ACTIVITIES_OF_MEMBER_SQL).raw(true);

  const load = (team: TeamMember[]): void => {
    const byId = new Map(team.map((member) => [member.memberId, member]));
    const ids = JSON.stringify(team.map((member) => member.memberId));
    for (const [memberId, ...credential] of credentials.all(ids)) byId.get(memberId)?.credentials.push(toStoredCredential(...credential));
    const counting = team.filter((member) => !member.tallies);
    if (counting.length === 0) return;
    const countingIds = counting.length === team.length ? ids : JSON.stringify(counting.map((member) => member.memberId));
    for (const member of counting) member.activities = [];
    for (const row of activities.all(countingIds)) byId.get(row[1])?.activities.push(toCountedActivity(row));
  };

  const readActivities = (memberId: number): ActivityInput[] => activitiesOf.all(memberId).map(toCountedActivity);
  const toTeamMember = (row: MemberDataTuple): TeamMember => new ReadMember(row, readActivities);

  return {
    withData(rows) {
      const team = rows.map(toTeamMember);
      for (let start = 0; start < team.length; start += BATCH) load(team.slice(start, start + BATCH));
      return team;
    },
    one(row) {
      const member = toTeamMember(row);
      member.credentials = credentialsOf.all(member.memberId).map((tuple) => toStoredCredential(...tuple));
      return member;
    },
  };
}

/**
 * A member as read: `activities` is a getter on the class, reading them at the first ask. A class,
 * not a literal with its own get/set: those made two closures and an accessor pair per member,
 * four times the cost of building it (measured: 57-65 ms against 13-17 ms for 33,000 members).
 * Being on the prototype, `activities` is not an own property: a spread copy leaves it out.
 */
class ReadMember implements TeamMember {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string | null;
  readonly tz: string | null;
  readonly nudges: boolean;
  readonly quietHours: string | null;
  readonly pausedUntil: string | null;
  readonly digestNamed: boolean;
  readonly namedAdmin: boolean;
  readonly unreachableSince: string | null;
  readonly platformTz: string | null;
  credentials: StoredCredential[] = [];
  readonly dataVersion: number;
  tallies?: SavedTally[];
  #activities: ActivityInput[] | undefined;
  readonly #read: (memberId: number) => ActivityInput[];

  constructor(row: MemberDataTuple, read: (memberId: number) => ActivityInput[]) {
    // Spelled out, not `...toMember(row)`: copying a member took 15-20% of a read.
    const [memberId, workspaceId, userId, displayName, tz, nudges, quietHours, pausedUntil, namedAdmin, digestNamed, unreachableSince, platformTz, dataVersion, talliesJson] = row;
    this.workspaceId = workspaceId;
    this.memberId = memberId;
    this.userId = userId;
    this.displayName = displayName;
    this.tz = tz;
    this.nudges = nudges === 1;
    this.quietHours = quietHours;
    this.pausedUntil = pausedUntil;
    this.digestNamed = digestNamed === 1;
    this.namedAdmin = namedAdmin === 1;
    this.unreachableSince = unreachableSince;
    this.platformTz = platformTz;
    this.dataVersion = dataVersion;
    const saved = talliesJson === null ? undefined : decodeTallies(talliesJson);
    if (saved) this.tallies = saved;
    this.#read = read;
  }

  get activities(): ActivityInput[] {
    return (this.#activities ??= this.#read(this.memberId));
  }

  set activities(list: ActivityInput[]) {
    this.#activities = list;
  }
}
