import { describe, expect, it } from 'vitest';
import { buildDigest, currentDigestSlot, renderText, type DigestSchedule } from '../../../src/core/index.js';
import { credential, points, teamMember } from './team-member.js';

const schedule: DigestSchedule = { channelId: 'C0TEAM', weekday: 1, time: '09:00', tz: 'America/Chicago' };

describe('the weekly digest slot', () => {
  it('falls due at the set local time on the set day, for one day', () => {
    expect(currentDigestSlot(schedule, new Date('2026-11-23T14:59:00Z'))).toBeUndefined(); // 08:59 CST
    expect(currentDigestSlot(schedule, new Date('2026-11-23T15:00:00Z'))).toEqual({ key: 'digest:2026-11-23', dueAt: '2026-11-23T15:00:00.000Z' });
    expect(currentDigestSlot(schedule, new Date('2026-11-24T14:59:00Z'))?.key).toBe('digest:2026-11-23');
    expect(currentDigestSlot(schedule, new Date('2026-11-24T15:00:00Z'))).toBeUndefined(); // a day late: skipped
  });

  it('keeps local time across daylight saving (09:00 CDT is 14:00 UTC)', () => {
    expect(currentDigestSlot(schedule, new Date('2027-03-15T14:00:00Z'))).toEqual({ key: 'digest:2027-03-15', dueAt: '2027-03-15T14:00:00.000Z' });
  });
});

describe('the digest post', () => {
  const team = [
    teamMember({ memberId: 1, userId: 'U1', credentials: [credential('CMA', '2027-01-31')], activities: [points(30, 'general', '2024-01-01')] }),
    teamMember({ memberId: 2, userId: 'U2', credentials: [credential('RMA', '2026-12-31')], digestNamed: false }),
    teamMember({ memberId: 3, userId: 'U3', credentials: [credential('CMA', '2029-02-28')], activities: [points(1, 'general', '2025-01-01')] }),
    teamMember({ memberId: 4, userId: 'U4', credentials: [credential('NCMA', '2027-10-31')], activities: [{ ...points(14, 'general', '2026-11-01'), unit: 'hours' }] }),
    teamMember({ memberId: 5, userId: 'U5', credentials: [credential('BLS', '2027-01-31')] }),
    teamMember({ memberId: 6, userId: 'U6' }),
  ];
  const post = buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:2026-11-23', dueAt: '2026-11-23T15:00:00.000Z' }, team, overrides: {}, now: new Date('2026-11-23T15:00:00Z') });
  const text = renderText(post.reply);

  it('goes to the channel, publicly, once per slot', () => {
    expect(post).toMatchObject({ key: 'digest:2026-11-23', memberId: null, target: { kind: 'channel', channelId: 'C0TEAM' }, kind: 'digest' });
    expect(post.reply.visibility).toBe('public');
  });

  it('names who expires within 90 days or is behind pace, soonest first, with credential and days left', () => {
    const lines = text.split('\n').filter((l) => l.includes('<@U'));
    expect(lines).toEqual([
      '  - <@U1>: CMA expires in 69 days',
      '  - <@U5>: BLS card expires in 69 days',
      '  - <@U3>: CMA behind pace (expires in 828 days)',
    ]);
  });

  it('spells the commands as members type them where it is posted', () => {
    const on = (platform: 'slack' | 'discord' | 'console') =>
      renderText(buildDigest({ workspaceId: 1, platform, schedule, slot: { key: 'digest:2026-11-23', dueAt: '2026-11-23T15:00:00.000Z' }, team, overrides: {}, now: new Date('2026-11-23T15:00:00Z') }).reply);
    expect(on('slack')).toContain('details with `/ceu status`; admins with `/ceu team`.');
    expect(on('discord')).toContain('details with `/ceu status`; admins with `/ceu-admin team`.');
    expect(on('console')).toContain('details with `status`; admins with `team`.');
  });

  it('counts the members who asked not to be named and everyone on track, and shows no details', () => {
    expect(text).toContain('…and 1 more member who asked not to be named.');
    expect(text).not.toContain('U2');
    expect(text).toContain('1 member is on track.');
    expect(text).not.toMatch(/general|clinical|AAMA|points/);
  });
});

describe('lapsed credentials in the digest', () => {
  const lapsedTeam = [
    // CMA expired 28 Feb 2027 with 24 points short: in AAMA's 90-day grace until 29 May.
    teamMember({ memberId: 1, userId: 'U1', credentials: [credential('CMA', '2027-02-28')], activities: [points(20, 'administrative', '2023-01-10'), points(16, 'clinical', '2024-05-02')] }),
    // RMA (AMT, no grace) expired 31 Jan 2027.
    teamMember({ memberId: 2, userId: 'U2', credentials: [credential('RMA', '2027-01-31')] }),
    // A BLS card that lapsed more than 90 days before: no longer named.
    teamMember({ memberId: 3, userId: 'U3', credentials: [credential('BLS', '2026-11-30')] }),
  ];
  const digestOn = (nowAt: string) => {
    const now = new Date(nowAt);
    const post = buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team: lapsedTeam, overrides: {}, now });
    return renderText(post.reply).split('\n').filter((l) => l.includes('<@U'));
  };

  it('heads the list with what it holds: expired credentials as well as expiring ones', () => {
    const post = (nowAt: string) => renderText(buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team: lapsedTeam, overrides: {}, now: new Date(nowAt) }).reply);
    expect(post('2027-03-15T15:00:00Z')).toContain('Expired, expiring within 90 days or behind pace:');
    expect(post('2026-11-24T15:00:00Z')).toContain('Expiring within 90 days or behind pace:'); // none expired yet
  });

  it('names a credential in its grace period with the day CE is last accepted, and one expired within 90 days, expired first', () => {
    expect(digestOn('2027-03-15T15:00:00Z')).toEqual([
      '  - <@U2>: RMA expired on 31 Jan 2027',
      '  - <@U1>: CMA expired on 28 Feb 2027; CE accepted until 29 May 2027', // 75 days: dated past a month
    ]);
  });

  it('stops naming an expired credential 90 days after it expired', () => {
    expect(digestOn('2027-05-01T15:00:00Z')).toContainEqual('  - <@U2>: RMA expired on 31 Jan 2027'); // day 90
    expect(digestOn('2027-05-02T15:00:00Z').some((l) => l.includes('<@U2>'))).toBe(false); // day 91
    expect(digestOn('2027-03-15T15:00:00Z').some((l) => l.includes('<@U3>'))).toBe(false); // 105 days on
  });

  it('counts a member whose credential lapsed longer ago than that, and never as on track', () => {
    const text = (nowAt: string) => renderText(buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team: lapsedTeam, overrides: {}, now: new Date(nowAt) }).reply);
    const day91 = text('2027-05-02T15:00:00Z'); // U1 still in grace and named; U2 and U3 lapsed over 90 days ago
    expect(day91).toContain('2 members have credentials that lapsed more than 90 days ago (admins: `/ceu team`).');
    expect(day91).toContain('0 members are on track.');
    expect(text('2027-03-15T15:00:00Z')).toContain('1 member has a credential that lapsed more than 90 days ago');
  });

  it('counts an NCMA in NCCT’s five-year grace as lapsed past its 90 days, not on track', () => {
    const team = [teamMember({ memberId: 4, userId: 'U4', credentials: [credential('NCMA', '2026-12-31')] })];
    const text = renderText(buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:x', dueAt: '2027-05-03T15:00:00Z' }, team, overrides: {}, now: new Date('2027-05-03T15:00:00Z') }).reply);
    expect(text).not.toContain('<@U4>');
    expect(text).toContain('1 member has a credential that lapsed more than 90 days ago');
    expect(text).toContain('0 members are on track.');
  });
});
