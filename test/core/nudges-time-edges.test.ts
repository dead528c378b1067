/**
 * The planner at the edges of time: quiet hours that leave slivers of the day, zones far from UTC
 * or with odd offsets, daylight-saving days. Sweeps are simulated as the scheduler runs them: on a
 * fixed interval, each member looked at once their next check has come.
 */
import { describe, expect, it } from 'vitest';
import { currentDigestSlot, DEFAULT_LADDER, planMember, type TeamMember } from '../../src/core/index.js';
import { credential, points, teamMember } from './nudges/team-member.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** CMA ending 2027-02-28, 24 points short: the 120-day stage is reached on Saturday 2026-10-31. */
const cmaMember = (extra: Partial<TeamMember> = {}) =>
  teamMember({
    credentials: [credential('CMA', '2027-02-28')],
    activities: [points(20, 'administrative', '2023-01-10'), points(16, 'clinical', '2024-05-02')],
    ...extra,
  });

/**
 * Sweeps every `intervalMs` from `fromAt` for `days`; returns each key with the instant it was first
 * planned. Like the real sweep, a member is planned only once their next check has come.
 */
function sweepEvery(member: TeamMember, fromAt: string, intervalMs: number, days: number, ladder: readonly number[] = DEFAULT_LADDER): Map<string, string> {
  const planned = new Map<string, string>();
  let nextCheckAt = '';
  for (let atMs = Date.parse(fromAt); atMs < Date.parse(fromAt) + days * DAY_MS; atMs += intervalMs) {
    const now = new Date(atMs);
    if (now.toISOString() < nextCheckAt) continue;
    const result = planMember({ member, ladder, overrides: {}, now, defaultTz: 'UTC' });
    for (const message of result.messages) if (!planned.has(message.key)) planned.set(message.key, now.toISOString());
    nextCheckAt = result.nextCheckAt;
  }
  return planned;
}

describe('quiet hours that leave only minutes of the working day', () => {
  it('still let a sweep every five minutes reach the member, after the quiet hours end', () => {
    // Free only 09:00-09:01 and 16:59-17:00: both fall between sweeps at :02, :07, … every day.
    // Monday 01:02 on: the first day's window is its own, not the tail of Sunday evening's.
    const planned = sweepEvery(cmaMember({ quietHours: '09:01-16:59' }), '2026-11-02T01:02:00Z', 5 * MINUTE_MS, 7);
    expect(planned.get('nudge:7:CMA:2027-02-28:d120')).toBe('2026-11-02T17:02:00.000Z');
  });

  it('still let an hourly sweep reach a member who left a quarter of an hour free', () => {
    const planned = sweepEvery(cmaMember({ quietHours: '09:15-17:00' }), '2026-11-02T01:30:00Z', 60 * MINUTE_MS, 7);
    expect(planned.get('nudge:7:CMA:2027-02-28:d120')).toBe('2026-11-02T17:30:00.000Z');
  });

  it('reach a member quiet all day but one minute, in the hour after the quiet hours end', () => {
    const planned = sweepEvery(cmaMember({ quietHours: '00:00-23:59' }), '2026-11-02T01:02:00Z', 5 * MINUTE_MS, 7);
    expect(planned.get('nudge:7:CMA:2027-02-28:d120')).toBe('2026-11-03T00:02:00.000Z'); // Monday 23:59 opened it
  });

  it('keep an hour or more of the working day as the member set it', () => {
    const planned = sweepEvery(cmaMember({ quietHours: '10:00-17:00' }), '2026-11-02T00:02:00Z', 5 * MINUTE_MS, 7);
    expect(planned.get('nudge:7:CMA:2027-02-28:d120')).toBe('2026-11-02T09:02:00.000Z');
  });
});

describe('a workspace ladder with no stage within the 60 days a card is reminded in', () => {
  const bls = teamMember({ credentials: [credential('BLS', '2027-01-31')] });
  const keysOn = (nowAt: string, ladder: readonly number[]) =>
    planMember({ member: bls, ladder, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' }).messages.map((m) => m.key);

  it('still warns before a CPR/BLS card lapses, 60 days ahead, once', () => {
    expect(keysOn('2026-11-02T10:00:00Z', [120, 90])).toEqual([]); // 90 days ahead: too early for a card
    expect(keysOn('2026-12-02T10:00:00Z', [120, 90])).toEqual(['renewal:7:BLS:2027-01-31:d60']);
    expect(keysOn('2027-01-25T10:00:00Z', [120, 90])).toEqual(['renewal:7:BLS:2027-01-31:d60']); // the same key: sent once
  });
});

describe('dates that are not UTC’s', () => {
  it('ends a pause at the member’s own midnight, half a day before UTC’s on Kiritimati (UTC+14)', () => {
    const member = cmaMember({ tz: 'Pacific/Kiritimati', pausedUntil: '2026-11-10' });
    const paused = planMember({ member, ladder: DEFAULT_LADDER, overrides: {}, now: new Date('2026-11-09T09:59:00Z'), defaultTz: 'UTC' });
    expect(paused).toEqual({ messages: [], nextCheckAt: '2026-11-09T10:00:00.000Z' }); // 00:00 on the 10th there
    const planned = sweepEvery(member, '2026-11-09T09:02:00Z', 5 * MINUTE_MS, 2);
    expect(planned.get('nudge:7:CMA:2027-02-28:d120')).toBe('2026-11-09T19:02:00.000Z'); // Tuesday 09:02 there
  });

  it('posts a digest set for a time a daylight-saving change skips or repeats once that week', () => {
    const slots = (tz: string, time: string, fromAt: string) => {
      const seen = new Map<string, string>();
      for (let atMs = Date.parse(fromAt); atMs < Date.parse(fromAt) + 3 * DAY_MS; atMs += 5 * MINUTE_MS) {
        const slot = currentDigestSlot({ channelId: 'C0TEAM', weekday: 7, time, tz }, new Date(atMs));
        if (slot && !seen.has(slot.key)) seen.set(slot.key, slot.dueAt);
      }
      return Object.fromEntries(seen);
    };
    // New York skips 02:00-03:00 on 14 Mar 2027 and repeats 01:00-02:00 on 1 Nov 2026.
    expect(slots('America/New_York', '02:30', '2027-03-13T00:00:00Z')).toEqual({ 'digest:2027-03-14': '2027-03-14T07:30:00.000Z' });
    expect(slots('America/New_York', '01:30', '2026-10-31T00:00:00Z')).toEqual({ 'digest:2026-11-01': '2026-11-01T05:30:00.000Z' });
    // Lord Howe moves by half an hour: 02:00-02:30 is skipped on 4 Oct 2026.
    expect(slots('Australia/Lord_Howe', '02:15', '2026-10-02T00:00:00Z')).toEqual({ 'digest:2026-10-04': '2026-10-03T15:45:00.000Z' });
  });
});
