/**
 * Member rows are read in array mode, like activities (see to-stored-activity.ts): the column list
 * and the tuple must stay in the same order. Shared by the member repo and the team readers.
 */
import type { Member } from '../core/ports.js';

export const MEMBER_COLUMNS =
  'm.id, m.workspace_id, m.user_id, m.display_name, m.tz, m.nudges, m.quiet_hours, m.paused_until, m.named_admin, m.digest_named, m.unreachable_since, m.platform_tz';

export type MemberTuple = [
  memberId: number,
  workspaceId: number,
  userId: string,
  displayName: string | null,
  tz: string | null,
  nudges: number,
  quietHours: string | null,
  pausedUntil: string | null,
  namedAdmin: number,
  digestNamed: number,
  unreachableSince: string | null,
  platformTz: string | null,
];

export function toMember(row: MemberTuple | MemberDataTuple): Member {
  const [memberId, workspaceId, userId, displayName, tz, nudges, quietHours, pausedUntil, namedAdmin, digestNamed, unreachableSince, platformTz] = row;
  return {
    workspaceId,
    memberId,
    userId,
    displayName,
    tz,
    nudges: nudges === 1,
    quietHours,
    pausedUntil,
    digestNamed: digestNamed === 1,
    namedAdmin: namedAdmin === 1,
    unreachableSince,
    platformTz,
  };
}

/**
 * MEMBER_COLUMNS and what the team readers add: the data version, and the member's saved tallies
 * when saved for that version (null otherwise), joined in `MEMBER_DATA_FROM` rather than asked for
 * in a query of their own.
 */
export const MEMBER_DATA_COLUMNS = `${MEMBER_COLUMNS}, m.data_version, t.tallies`;
export const MEMBER_DATA_FROM = 'members m left join member_tallies t on t.member_id = m.id and t.data_version = m.data_version';

export type MemberDataTuple = [...MemberTuple, dataVersion: number, tallies: string | null];
