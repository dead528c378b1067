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

  it('counts the members who asked not to be named and everyone on track, and shows no details', () => {
    expect(text).toContain('…and 1 more member who asked not to be named.');
    expect(text).not.toContain('U2');
    expect(text).toContain('1 member is on track.');
    expect(text).not.toMatch(/general|clinical|AAMA|points/);
  });
});
