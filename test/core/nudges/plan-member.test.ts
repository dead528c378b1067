import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, isUrgentKey, planMember, renderText, type TeamMember } from '../../../src/core/index.js';
import { credential, points, teamMember } from './team-member.js';

const plan = (member: TeamMember, nowAt: string, ladder: readonly number[] = DEFAULT_LADDER) =>
  planMember({ member, ladder, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' });

/** CMA ending 2027-02-28 with 36 AAMA-approved points: 10 general short; only AAMA credit, so submit by the expiry. */
const cmaMember = (extra: Partial<TeamMember> = {}) =>
  teamMember({
    credentials: [credential('CMA', '2027-02-28')],
    activities: [points(20, 'administrative', '2023-01-10'), points(16, 'clinical', '2024-05-02')],
    ...extra,
  });

describe('the deadline ladder', () => {
  it('sends the 120-day nudge on the day it is reached, naming the exact gap, pace, how the route closes and buttons', () => {
    // 2027-02-28 minus 120 days is 2026-10-31, a Saturday: not urgent, so it waits for Monday.
    expect(plan(cmaMember(), '2026-10-31T12:00:00Z').messages).toEqual([]);
    const result = plan(cmaMember(), '2026-11-02T10:00:00Z');
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message!.key).toBe('nudge:7:CMA:2027-02-28:d120');
    expect(message!.target).toEqual({ kind: 'direct', userId: 'U07' });
    const text = renderText(message!.reply);
    expect(text).toContain('CMA: submit by 28 Feb 2027 (118 days left)');
    expect(text).toContain('Still needed: 10 general and 14 more points by 28 Feb 2027; about 6.2 points a month.');
    expect(text).toContain('AAMA would still accept CE until 29 May 2027. After that: recertify by exam');
    const buttons = message!.reply.blocks.find((b) => b.kind === 'actions');
    expect(buttons).toMatchObject({ buttons: [{ label: 'Log now', command: 'log' }, { label: 'Snooze a week', command: 'snooze CMA' }, { label: 'Already renewed', command: 'credential renew CMA' }] });
    // It looks again at the start of member 7's next pace period, before the 90-day stage (2026-11-30).
    expect(result.nextCheckAt).toBe('2026-11-10T00:00:00.000Z');
  });

  it('counts to the submit-by date when non-AAMA credit needs processing time (the DESIGN example)', () => {
    const member = teamMember({
      credentials: [credential('CMA', '2027-02-28')],
      activities: [points(20, 'administrative', '2023-01-10', false), points(16, 'clinical', '2024-05-02')],
    });
    // Submit by 2027-02-07: the 90-day stage is 2026-11-09.
    const [message] = plan(member, '2026-11-24T10:00:00Z').messages;
    expect(message!.key).toBe('nudge:7:CMA:2027-02-28:d90');
    const text = renderText(message!.reply);
    expect(text).toContain('CMA: submit by 7 Feb 2027 (75 days left)');
    expect(text).toContain('Still needed: 10 general and 14 more AAMA-approved points by 7 Feb 2027; about 9.75 points a month.');
    expect(text).toContain('submit by 7 Feb 2027, 21 days before 28 Feb 2027');
  });

  it('once the submit-by date has passed before the expiry, asks once for the credit as soon as possible', () => {
    const member = teamMember({
      credentials: [credential('CMA', '2027-02-28')],
      activities: [points(20, 'administrative', '2023-01-10', false), points(16, 'clinical', '2024-05-02')],
    });
    // Submit by Sunday 7 Feb 2027: the 1-day stage is the last before it; look again the day after.
    const lastDay = plan(member, '2027-02-06T10:00:00Z');
    expect(lastDay.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d1']);
    expect(lastDay.nextCheckAt).toBe('2027-02-08T00:00:00.000Z');
    const late = plan(member, '2027-02-08T10:00:00Z');
    expect(late.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:late']);
    expect(late.messages[0]!.stageFrom).toBe('2027-02-08T00:00:00.000Z');
    expect(renderText(late.messages[0]!.reply)).toContain('CMA: submit as soon as you can (the submit-by date, 7 Feb 2027, was 1 day ago)');
    expect(isUrgentKey(late.messages[0]!.key)).toBe(true);
    // The same note, not a new one, for the rest of the time before the expiry.
    expect(plan(member, '2027-02-20T10:00:00Z').messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:late']);
  });

  it('plans only the latest stage reached, and the same one however often it runs', () => {
    const first = plan(cmaMember(), '2027-01-20T10:00:00Z'); // 39 days left: the 60-day stage
    const again = plan(cmaMember(), '2027-01-20T10:05:00Z');
    expect(first.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d60']);
    expect(again.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d60']);
  });

  it('stops the moment the gap is closed', () => {
    const done = cmaMember({ activities: [...cmaMember().activities, points(24, 'general', '2026-11-01')] });
    expect(plan(done, '2027-01-20T10:00:00Z').messages).toEqual([]);
  });

  it('follows the workspace ladder', () => {
    // Before a shorter ladder starts, a member this far behind gets a pace note instead.
    expect(plan(cmaMember(), '2027-01-20T10:00:00Z', [30, 7]).messages.map((m) => m.kind)).toEqual(['pace']);
    expect(plan(cmaMember(), '2027-02-01T10:00:00Z', [30, 7]).messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d30']);
    // However the admin listed it.
    expect(plan(cmaMember(), '2027-02-01T10:00:00Z', [7, 30]).messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d30']);
  });

  it('nudges at expiry and weekly through the grace period, then once when the CE route closes', () => {
    const atExpiry = plan(cmaMember(), '2027-03-01T10:00:00Z');
    expect(atExpiry.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:g0']);
    expect(renderText(atExpiry.messages[0]!.reply)).toContain('CE accepted until 29 May 2027');
    expect(plan(cmaMember(), '2027-03-08T10:00:00Z').messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:g1']);
    expect(plan(cmaMember({ memberId: 9 }), '2027-03-08T10:00:00Z').nextCheckAt).toBe('2027-03-12T00:00:00.000Z'); // pace period
    expect(plan(cmaMember({ memberId: 12 }), '2027-03-08T10:00:00Z').nextCheckAt).toBe('2027-03-15T00:00:00.000Z'); // next week
    // CE finished during the grace closes the gap: the weekly reminders stop; one note says how to
    // record the renewal, or by when to apply.
    const finished = cmaMember({ activities: [...cmaMember().activities, points(24, 'general', '2027-03-05')] });
    const done = plan(finished, '2027-03-08T10:00:00Z').messages;
    expect(done.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:complete-at-expiry']);
    expect(renderText(done[0]!.reply)).toContain('If you have not, apply with AAMA by 29 May 2027');
    const closed = plan(cmaMember(), '2027-06-01T10:00:00Z');
    expect(closed.messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:exam-required']);
    expect(renderText(closed.messages[0]!.reply)).toContain('The CE route closed after 29 May 2027');
    expect(plan(cmaMember(), '2027-08-01T10:00:00Z').messages).toEqual([]);
  });
});

describe('when to look again', () => {
  it('staggers the monthly check by member, so a team is not all due on one day', () => {
    const onTrack = [points(20, 'administrative', '2026-01-10'), points(20, 'clinical', '2026-02-10'), points(20, 'general', '2026-03-10')];
    const checks = new Set(Array.from({ length: 30 }, (_, id) => plan(teamMember({ memberId: id, credentials: [credential('CMA', '2030-02-28')], activities: onTrack }), '2026-11-24T10:00:00Z').nextCheckAt));
    expect(checks.size).toBe(30);
    for (const at of checks) expect(at > '2026-11-24T10:00:00Z' && at <= '2026-12-24T10:00:00Z').toBe(true);
  });

  it('looks again weekly at a member behind pace, on a weekday spread by member', () => {
    const checks = new Set(Array.from({ length: 30 }, (_, id) => plan(teamMember({ memberId: id, credentials: [credential('CMA', '2030-02-28')] }), '2026-11-24T10:00:00Z').nextCheckAt));
    expect(checks.size).toBe(7);
    for (const at of checks) expect(at > '2026-11-24T10:00:00Z' && at <= '2026-12-01T10:00:00Z').toBe(true);
  });
});

describe('delivery in the member’s hours', () => {
  it('waits for 09:00 in the member’s zone', () => {
    const member = cmaMember({ tz: 'America/Los_Angeles' });
    const early = plan(member, '2026-11-02T15:00:00Z'); // 07:00 PST
    expect(early.messages).toEqual([]);
    expect(early.nextCheckAt).toBe('2026-11-02T17:00:00.000Z'); // 09:00 PST
    expect(plan(member, early.nextCheckAt).messages).toHaveLength(1);
  });

  it('is correct across the autumn DST change (09:00 EST is 14:00 UTC the morning after)', () => {
    // 2027-02-28 minus 120 days: due from 2026-10-31; 2026-11-01 is the US fall-back Sunday, so Monday 09:00 EST.
    const member = cmaMember({ tz: 'America/New_York' });
    const sunday = plan(member, '2026-11-01T12:30:00Z');
    expect(sunday.nextCheckAt).toBe('2026-11-02T14:00:00.000Z');
  });

  it('is correct across the spring DST change (09:00 EDT is 13:00 UTC)', () => {
    // BLS card ending 2027-03-31; the 30-day stage (urgent cards are not; weekends wait) falls on 2027-03-01.
    const member = teamMember({ tz: 'America/New_York', credentials: [credential('BLS', '2027-03-16')] });
    // 7 days before: urgent, any day. Sunday 2027-03-14 is the spring-forward day: 09:00 EDT = 13:00 UTC.
    const result = plan(member, '2027-03-14T06:00:00Z'); // 01:00 EST, before the change
    expect(result.messages).toEqual([]);
    expect(result.nextCheckAt).toBe('2027-03-14T13:00:00.000Z');
    expect(plan(member, '2027-03-14T13:00:00Z').messages.map((m) => m.key)).toEqual(['renewal:7:BLS:2027-03-16:d7']);
  });

  it('keeps quiet hours, and when they cover the working day, delivers after them', () => {
    const quietMorning = plan(cmaMember({ quietHours: '08:00-12:30' }), '2026-11-02T10:00:00Z');
    expect(quietMorning.messages).toEqual([]);
    expect(quietMorning.nextCheckAt).toBe('2026-11-02T12:30:00.000Z');
    const quietDay = plan(cmaMember({ quietHours: '07:00-19:00' }), '2026-11-02T10:00:00Z');
    expect(quietDay.nextCheckAt).toBe('2026-11-02T19:00:00.000Z');
    expect(plan(cmaMember({ quietHours: '07:00-19:00' }), '2026-11-02T19:00:00Z').messages).toHaveLength(1);
    // Overnight quiet hours do not touch a 10:00 delivery.
    expect(plan(cmaMember({ quietHours: '21:00-07:00' }), '2026-11-02T10:00:00Z').messages).toHaveLength(1);
  });

  it('times each member by their own zone and quiet hours when many are planned at one instant, in any order', () => {
    const nowAt = '2026-11-02T15:00:00Z'; // a Monday: 15:00 UTC, 10:00 EST, 07:00 PST
    const members = [
      cmaMember({ memberId: 1, tz: 'America/Los_Angeles' }),
      cmaMember({ memberId: 2, tz: 'America/New_York' }),
      cmaMember({ memberId: 3, quietHours: '14:00-16:00' }),
      cmaMember({ memberId: 4, tz: 'America/Los_Angeles', quietHours: '06:00-10:00' }),
      cmaMember({ memberId: 5 }),
    ];
    const expected = [
      { messages: 0, waitsUntil: '2026-11-02T17:00:00.000Z' }, // 09:00 PST
      { messages: 1 },
      { messages: 0, waitsUntil: '2026-11-02T16:00:00.000Z' }, // after the quiet hours
      { messages: 0, waitsUntil: '2026-11-02T18:00:00.000Z' }, // 10:00 PST, after the quiet hours
      { messages: 1 },
    ];
    const outcome = (member: TeamMember) => {
      const result = plan(member, nowAt);
      return result.messages.length ? { messages: result.messages.length } : { messages: 0, waitsUntil: result.nextCheckAt };
    };
    expect(members.map(outcome)).toEqual(expected);
    expect([...members].reverse().map(outcome)).toEqual([...expected].reverse());
  });

  it('sends nothing while paused, opted out or snoozed, and looks again when the pause or snooze ends', () => {
    const paused = plan(cmaMember({ pausedUntil: '2026-11-10' }), '2026-11-02T10:00:00Z');
    expect(paused).toEqual({ messages: [], nextCheckAt: '2026-11-10T00:00:00.000Z' });
    expect(plan(cmaMember({ pausedUntil: '2026-11-10' }), '2026-11-10T10:00:00Z').messages).toHaveLength(1);
    expect(plan(cmaMember({ nudges: false }), '2026-11-02T10:00:00Z').messages).toEqual([]);
    const snoozed = cmaMember({ credentials: [credential('CMA', '2027-02-28', { snoozedUntil: '2026-11-09' })] });
    expect(plan(snoozed, '2026-11-02T10:00:00Z')).toMatchObject({ messages: [], nextCheckAt: '2026-11-09T00:00:00.000Z' });
    expect(plan(snoozed, '2026-11-09T10:00:00Z').messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d120']);
  });
});

describe('pace, fee and card reminders', () => {
  it('sends a monthly pace note to a member well behind, before the ladder starts', () => {
    const behind = teamMember({ credentials: [credential('CMA', '2029-02-28')], activities: [points(5, 'clinical', '2025-01-01')] });
    const result = plan(behind, '2026-11-24T10:00:00Z');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.kind).toBe('pace');
    expect(result.messages[0]!.key).toMatch(/^pace:7:CMA:2029-02-28:p\d+$/);
    expect(renderText(result.messages[0]!.reply)).toContain('behind pace');
    const onPace = teamMember({ credentials: [credential('CMA', '2029-02-28')], activities: [points(30, 'clinical', '2025-01-01')] });
    expect(plan(onPace, '2026-11-24T10:00:00Z').messages).toEqual([]);
  });

  it('reminds AMT members of the annual fee in their anniversary month', () => {
    const rma = teamMember({ credentials: [credential('RMA', '2028-04-30')], activities: [points(20, 'general', '2026-01-05')] });
    const may = plan(rma, '2026-05-04T10:00:00Z');
    expect(may.messages.map((m) => m.key)).toEqual(['renewal:7:RMA:2028-04-30:fee2026']);
    expect(renderText(may.messages[0]!.reply)).toContain('$50');
    expect(plan(rma, '2026-06-01T10:00:00Z').messages).toEqual([]);
  });

  it('warns before a CPR/BLS card lapses', () => {
    const bls = teamMember({ credentials: [credential('BLS', '2026-12-31')] });
    const result = plan(bls, '2026-12-01T10:00:00Z');
    expect(result.messages.map((m) => m.key)).toEqual(['renewal:7:BLS:2026-12-31:d30']);
    expect(renderText(result.messages[0]!.reply)).toContain('log cpr on <issue date>');
  });
});

describe('the zone a member is reminded in', () => {
  it('is the platform’s zone when the member set none: 08:30 in Chicago waits for 09:00 there', () => {
    const member = cmaMember({ tz: null, platformTz: 'America/Chicago' });
    const early = plan(member, '2026-11-02T14:30:00Z'); // Monday 08:30 CST, 14:30 UTC
    expect(early.messages).toEqual([]);
    expect(early.nextCheckAt).toBe('2026-11-02T15:00:00.000Z'); // 09:00 CST
    expect(plan(member, early.nextCheckAt).messages.map((m) => m.key)).toEqual(['nudge:7:CMA:2027-02-28:d120']);
  });

  it('is the member’s own setting over the platform’s, and the workspace default when neither is known', () => {
    expect(plan(cmaMember({ tz: 'UTC', platformTz: 'America/Chicago' }), '2026-11-02T14:30:00Z').messages).toHaveLength(1);
    const unknown = cmaMember({ tz: null, platformTz: null });
    expect(plan(unknown, '2026-11-02T14:30:00Z').messages).toHaveLength(1);
    const inChicago = planMember({ member: unknown, ladder: DEFAULT_LADDER, overrides: {}, now: new Date('2026-11-02T14:30:00Z'), defaultTz: 'America/Chicago' });
    expect(inChicago).toMatchObject({ messages: [], nextCheckAt: '2026-11-02T15:00:00.000Z' });
  });
});

describe('repeats', () => {
  const behind = teamMember({ credentials: [credential('CMA', '2029-02-28')], activities: [points(5, 'clinical', '2025-01-01')] });
  const keys = (member: TeamMember, nowAt: string) => plan(member, nowAt).messages.map((m) => m.key);

  it('sends the pace note again each pace period (30 days), and once within one', () => {
    // Member 7's pace periods start on 2026-11-10 and 2026-12-10.
    const first = plan(behind, '2026-11-24T10:00:00Z');
    // Looked at again in a week while behind (a note held back by the four-week gap goes then).
    expect(first.nextCheckAt).toBe('2026-11-30T00:00:00.000Z');
    const [key] = first.messages.map((m) => m.key);
    const index = Number(/:p(\d+)$/.exec(key!)![1]);
    expect(keys(behind, '2026-11-10T10:00:00Z')).toEqual([key]);
    expect(keys(behind, '2026-12-09T10:00:00Z')).toEqual([key]);
    expect(keys(behind, '2026-12-10T10:00:00Z')).toEqual([`pace:7:CMA:2029-02-28:p${index + 1}`]);
    expect(keys(behind, '2027-01-11T10:00:00Z')).toEqual([`pace:7:CMA:2029-02-28:p${index + 2}`]);
  });

  it('nudges weekly through a grace period for twelve weeks, then every four weeks (NCMA: five years of grace)', () => {
    const ncma = teamMember({ credentials: [credential('NCMA', '2026-10-31')] });
    // `days` after the expiry, 10:00 UTC; grace nudges are urgent, so weekends count too.
    const stage = (days: number) => keys(ncma, new Date(Date.parse('2026-10-31T10:00:00Z') + days * 86_400_000).toISOString()).map((k) => k.replace('nudge:7:NCMA:2026-10-31:', ''));
    expect([1, 7, 8, 14, 15].map(stage)).toEqual([['g0'], ['g0'], ['g1'], ['g1'], ['g2']]);
    expect([78, 84, 85].map(stage)).toEqual([['g11'], ['g11'], ['g12']]); // week 11 is the last weekly one
    expect([91, 92, 112, 113, 140, 141].map(stage)).toEqual([['g12'], ['g12'], ['g12'], ['g16'], ['g16'], ['g20']]);
  });
});

describe('the CPR/BLS card', () => {
  // A card ending 31 Jan 2027: 90 days before is Monday 2 Nov 2026, 60 days before Wednesday 2 Dec.
  const bls = teamMember({ credentials: [credential('BLS', '2027-01-31')] });

  it('is reminded only from 60 days before it lapses, whatever the ladder starts at', () => {
    expect(plan(bls, '2026-11-02T10:00:00Z').messages).toEqual([]);
    expect(plan(bls, '2026-12-01T10:00:00Z', [120, 90, 61]).messages).toEqual([]);
    const d60 = plan(bls, '2026-12-02T10:00:00Z');
    expect(d60.messages.map((m) => m.key)).toEqual(['renewal:7:BLS:2027-01-31:d60']);
    expect(renderText(d60.messages[0]!.reply)).toContain('Your CPR/BLS card expires on 31 Jan 2027 (60 days left)');
  });

  it('announces a lapsed card for 30 days, then says no more', () => {
    const lapsed = plan(bls, '2027-02-01T10:00:00Z');
    expect(lapsed.messages.map((m) => m.key)).toEqual(['renewal:7:BLS:2027-01-31:expired']);
    const text = renderText(lapsed.messages[0]!.reply);
    expect(text).toContain('Your CPR/BLS card expired on 31 Jan 2027');
    expect(text).toContain('Book a BLS class');
    expect(plan(bls, '2027-03-02T10:00:00Z').messages.map((m) => m.key)).toEqual(['renewal:7:BLS:2027-01-31:expired']); // day 30
    expect(plan(bls, '2027-03-03T10:00:00Z').messages).toEqual([]);
  });
});
