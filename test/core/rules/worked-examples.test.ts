import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeCard, makeCe } from './make-activity.js';

const CMA = { code: 'CMA', expiresOn: '2027-02-28' } as const;

describe('RULES.md worked example 1 (CMA with CPR cards)', () => {
  const activities = [
    makeCe('8', 'ceu', 'clinical', true, '2023-04-01'),
    makeCard('2022-06-15'),
    makeCard('2024-06-20'),
    makeCe('20', 'points', 'administrative', false, '2025-01-10'),
  ];

  it('counts 36 and still needs 24 (10 general, 14 approved) when CPR counts as approved', () => {
    const result = evaluate(CMA, activities, '2026-11-24');
    expect(result.cycle).toEqual({ start: '2022-03-01', end: '2027-02-28' });
    expect(result).toMatchObject({ state: 'in-progress', required: 60, earned: 36, remaining: 24 });
    expect(result.requirements).toEqual([
      { id: 'administrative', required: 10, earned: 20, remaining: 0 },
      { id: 'clinical', required: 10, earned: 16, remaining: 0 },
      { id: 'general', required: 10, earned: 0, remaining: 10 },
      { id: 'aama-approved', required: 30, earned: 16, remaining: 14, unverified: true },
    ]);
    expect(result.activities.map((a) => a.code)).toEqual(['counted', 'counted', 'counted', 'counted']);
  });

  it('still needs 24, of which 22 approved, when CPR does not count as approved', () => {
    const result = evaluate(CMA, activities, '2026-11-24', { 'cma.cprCountsAsApproved': false });
    expect(result).toMatchObject({ earned: 36, remaining: 24 });
    expect(result.requirements.find((r) => r.id === 'aama-approved')).toEqual({ id: 'aama-approved', required: 30, earned: 8, remaining: 22 });
    expect(result.requirements.find((r) => r.id === 'general')?.remaining).toBe(10);
  });

  it('asks to submit 21 days early because non-AAMA points are in use', () => {
    const result = evaluate(CMA, activities, '2026-11-24');
    expect(result.submitBy).toBe('2027-02-07');
    expect(result.daysLeft).toBe(96); // to the expiry, as in DESIGN.md's status JSON
    expect(result.submitByDaysLeft).toBe(75);
    expect(result.pacePerMonth).toBe(9.75); // 24 points over 75 days / 30.44 = 9.7408, rounded up: a pace is never understated
  });

  it('says which unverified figure it used, and that the workspace set it when overridden', () => {
    expect(evaluate(CMA, activities, '2026-11-24').notes.some((n) => n.includes('Unverified') && n.includes('AAMA-approved'))).toBe(true);
    const overridden = evaluate(CMA, activities, '2026-11-24', { 'cma.cprCountsAsApproved': false });
    expect(overridden.notes.some((n) => n.includes('set by this workspace'))).toBe(true);
  });
});

describe('RULES.md worked example 2 (CCMA in NHA credits)', () => {
  it('counts 6 NHA credits plus two 3-hour courses as 9 credits and needs 1 more', () => {
    const result = evaluate(
      { code: 'CCMA', expiresOn: '2026-08-31' },
      [makeCe('6', 'nha-credits', undefined, false, '2025-03-01'), makeCe('3', 'hours', undefined, false, '2025-06-01'), makeCe('3', 'hours', undefined, false, '2026-01-20')],
      '2026-05-01',
    );
    expect(result).toMatchObject({ unit: 'credits', required: 10, earned: 9, remaining: 1, state: 'in-progress', requirements: [] });
    expect(result.activities.map((a) => a.counted)).toEqual([6, 1.5, 1.5]);
  });
});

describe('RULES.md worked example 3 (CMA categories)', () => {
  it('counts 60 but still needs 10 clinical and 10 general', () => {
    const result = evaluate(CMA, [makeCe('40', 'ceu', 'administrative', true), makeCe('20', 'hours', 'administrative', false)], '2026-11-24');
    expect(result).toMatchObject({ earned: 60, remaining: 20, state: 'in-progress' });
    expect(result.requirements.map((r) => [r.id, r.remaining])).toEqual([
      ['administrative', 0],
      ['clinical', 10],
      ['general', 10],
      ['aama-approved', 0],
    ]);
  });
});
