import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeActivity, makeCard, makeCe } from './make-activity.js';

const CMA = { code: 'CMA', expiresOn: '2027-02-28' } as const;
const AS_OF = '2026-11-24';
const codes = (activities: Parameters<typeof evaluate>[1]) => evaluate(CMA, activities, AS_OF).activities.map((a) => a.code);

describe('CMA: the 30-point cap on non-AAMA credit', () => {
  it('caps non-approved points at 30 and picks the ones that close category gaps', () => {
    const admin = makeCe('25', 'points', 'administrative', false, '2022-05-01');
    const clinical = makeCe('10', 'points', 'clinical', false, '2024-05-01');
    const general = makeCe('10', 'points', 'general', false, '2025-05-01');
    const result = evaluate(CMA, [admin, clinical, general], AS_OF);
    // First-30-by-date would take 25 admin + 5 clinical and leave 15 in category gaps.
    expect(result.requirements.slice(0, 3).map((r) => r.remaining)).toEqual([0, 0, 0]);
    expect(result.activities.map((a) => [a.code, a.counted])).toEqual([
      ['partly-counted', 10],
      ['counted', 10],
      ['counted', 10],
    ]);
    expect(result).toMatchObject({ earned: 30, remaining: 30 });
  });

  it('reports what the cap left out with non-approved-cap', () => {
    const result = evaluate(CMA, [makeCe('30', 'points', 'general', false, '2023-01-01'), makeCe('5', 'points', 'general', false, '2024-01-01')], AS_OF);
    expect(result.activities.map((a) => [a.code, a.counted])).toEqual([
      ['counted', 30],
      ['non-approved-cap', 0],
    ]);
    expect(result.activities[1]?.reason).toMatch(/30 non-AAMA/);
  });

  it('never caps AAMA-approved points', () => {
    const result = evaluate(CMA, [makeCe('45', 'ceu', 'general', true), makeCe('40', 'points', 'clinical', false)], AS_OF);
    expect(result.earned).toBe(75);
    expect(result.requirements.find((r) => r.id === 'administrative')?.remaining).toBe(10);
  });

  it('counts college credit as 15 non-AAMA points each even when flagged aama', () => {
    const result = evaluate(CMA, [makeCe('1', 'college-credits', 'clinical', true)], AS_OF);
    expect(result.activities[0]).toMatchObject({ code: 'counted', counted: 15, approved: false });
    expect(result.requirements.find((r) => r.id === 'aama-approved')?.earned).toBe(0);
  });
});

describe('CMA: activities that do not count', () => {
  it('refuses a CE activity without a category', () => {
    expect(codes([makeCe('2', 'hours', undefined, true)])).toEqual(['no-category']);
  });

  it('refuses a non-AAMA activity shorter than one contact hour (50 minutes)', () => {
    expect(codes([makeCe('0.5', 'hours', 'general', false), makeCe('49', 'minutes', 'general', false), makeCe('0.5', 'points', 'general', false)])).toEqual([
      'below-minimum-hour',
      'below-minimum-hour',
      'below-minimum-hour',
    ]);
  });

  it('accepts a 50-minute non-AAMA activity as one contact hour long, and short AAMA-approved ones', () => {
    expect(codes([makeCe('50', 'minutes', 'general', false), makeCe('0.5', 'ceu', 'general', true), makeCe('1', 'hours', 'general', false)])).toEqual([
      'counted',
      'counted',
      'counted',
    ]);
  });

  it('counts an activity on the first and last day of the period, not the day before or after', () => {
    const onDays = ['2022-02-28', '2022-03-01', '2027-02-28'].map((d) => makeCe('1', 'ceu', 'general', true, d));
    const result = evaluate(CMA, onDays, '2027-02-28');
    expect(result.activities.map((a) => a.code)).toEqual(['outside-window', 'counted', 'counted']);
    // After expiry the CE route stays open for 90 days: CE done then counts (flagged unverified), later CE does not.
    const inGrace = evaluate(CMA, [makeCe('1', 'ceu', 'general', true, '2027-03-01')], '2027-03-05').activities[0];
    expect(inGrace).toMatchObject({ code: 'counted', reason: expect.stringContaining('grace period') });
    expect(evaluate(CMA, [makeCe('1', 'ceu', 'general', true, '2027-05-30')], '2027-06-05').activities[0]?.code).toBe('outside-window');
  });

  it('does not count an activity dated after asOf', () => {
    const result = evaluate(CMA, [makeCe('3', 'ceu', 'general', true, '2026-11-25')], AS_OF);
    expect(result.activities[0]).toMatchObject({ code: 'future', counted: 0 });
    expect(result.earned).toBe(0);
  });
});

describe('CMA: CPR cards', () => {
  it('counts a card issued in the period as 4 clinical points', () => {
    const result = evaluate(CMA, [makeCard('2023-01-01')], AS_OF);
    expect(result.activities[0]).toMatchObject({ code: 'counted', counted: 4, category: 'clinical', approved: true });
  });

  it('counts at most 3 cards', () => {
    const result = evaluate(CMA, ['2022-04-01', '2023-04-01', '2024-04-01', '2025-04-01'].map(makeCard), AS_OF);
    expect(result.activities.map((a) => a.code)).toEqual(['counted', 'counted', 'counted', 'cpr-card-limit']);
    expect(result.earned).toBe(12);
  });

  it('does not count a card issued before the period, and it does not use up one of the 3', () => {
    const result = evaluate(CMA, ['2021-04-01', '2022-04-01', '2023-04-01', '2024-04-01'].map(makeCard), AS_OF);
    expect(result.activities.map((a) => a.code)).toEqual(['outside-window', 'counted', 'counted', 'counted']);
  });

  it('puts cards under the 30-point cap when they do not count as approved', () => {
    const cards = ['2022-04-01', '2023-04-01'].map(makeCard);
    const result = evaluate(CMA, [makeCe('30', 'points', 'general', false), ...cards], AS_OF, { 'cma.cprCountsAsApproved': false });
    expect(result.earned).toBe(30);
    // The gaps come first: clinical 10 takes both cards (8), general takes the other 22.
    expect(result.activities.map((a) => a.counted)).toEqual([22, 4, 4]);
  });

  it('does not apply the one-contact-hour minimum to a card', () => {
    const result = evaluate(CMA, [makeCard('2023-01-01')], AS_OF, { 'cma.cprCountsAsApproved': false });
    expect(result.activities[0]?.code).toBe('counted');
  });
});

describe('CMA: submit-by date', () => {
  it('is the expiry when only AAMA-approved credit counts', () => {
    const result = evaluate(CMA, [makeCe('10', 'ceu', 'general', true)], AS_OF);
    expect(result.submitBy).toBe('2027-02-28');
    expect(result.daysLeft).toBe(96);
    expect(result.notes.some((n) => n.includes('process'))).toBe(false);
  });

  it('is 21 days before the expiry when non-AAMA credit counts', () => {
    const result = evaluate(CMA, [makeCe('10', 'hours', 'general', false)], AS_OF);
    expect(result.submitBy).toBe('2027-02-07');
    expect(result.notes.some((n) => n.includes('21 days'))).toBe(true);
  });

  it('ignores non-AAMA activities that did not count', () => {
    expect(evaluate(CMA, [makeCe('0.5', 'hours', 'general', false)], AS_OF).submitBy).toBe('2027-02-28');
  });

  it('reports a pace of 0 once nothing remains', () => {
    const result = evaluate(CMA, [makeCe('20', 'ceu', 'administrative', true), makeCe('20', 'ceu', 'clinical', true), makeCe('20', 'ceu', 'general', true)], AS_OF);
    expect(result).toMatchObject({ state: 'complete', remaining: 0, pacePerMonth: 0 });
  });

  it('gives every activity an outcome in input order', () => {
    const activities = [makeActivity({ category: 'general' }), makeCard('2023-01-01'), makeCe('1', 'ceu', undefined, true)];
    expect(evaluate(CMA, activities, AS_OF).activities.map((a) => a.activityId)).toEqual(activities.map((a) => a.id));
  });
});
