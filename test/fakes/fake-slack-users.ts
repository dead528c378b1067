/** What a test says about a member; the rest of Slack's `users.info` shape is filled in. */
export interface FakeSlackUserSeed {
  id: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface FakeSlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: false;
  tz: string;
  tz_offset: number;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: false;
  is_bot: false;
  profile: { real_name: string; display_name: string };
}

export const defaultFakeSlackUsers: FakeSlackUserSeed[] = [
  { id: 'U0001', name: 'alex.rivera', real_name: 'Alex Rivera', display_name: 'Alex', tz: 'America/Chicago' },
  { id: 'U0002', name: 'sam.lee', real_name: 'Sam Lee', display_name: 'Sam', tz: 'America/New_York', is_admin: true },
];

export function createFakeSlackUser(seed: FakeSlackUserSeed, teamId: string): FakeSlackUser {
  const name = seed.name ?? seed.id.toLowerCase();
  const realName = seed.real_name ?? name;
  const tz = seed.tz ?? 'America/Chicago';
  return {
    id: seed.id,
    team_id: teamId,
    name,
    real_name: realName,
    deleted: false,
    tz,
    tz_offset: offsetSecondsNow(tz),
    is_admin: seed.is_admin ?? false,
    is_owner: seed.is_owner ?? false,
    is_primary_owner: seed.is_primary_owner ?? false,
    is_restricted: false,
    is_bot: false,
    profile: { real_name: realName, display_name: seed.display_name ?? '' },
  };
}

/** Slack reports `tz_offset` as the zone's offset right now (it moves with daylight saving). */
function offsetSecondsNow(tz: string): number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
  const label = format.formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}
