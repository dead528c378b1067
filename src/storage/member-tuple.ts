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

export function toMember(row: MemberTuple | MemberDataTuple | MemberTalliesTuple): Member {
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

/** MEMBER_COLUMNS and what the team readers add: the data version saved tallies are tied to. */
export const MEMBER_DATA_COLUMNS = `${MEMBER_COLUMNS}, m.data_version`;

export type MemberDataTuple = [...MemberTuple, dataVersion: number];

/** A member's data row with their tallies' JSON, when saved for the row's data version. */
export type MemberTalliesTuple = [...MemberDataTuple, tallies: string | null];
