import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import type { CredentialInput, Unit } from '../../../src/core/rules/index.js';
import { makeActivity, makeCard } from './make-activity.js';

const CMA: CredentialInput = { code: 'CMA', expiresOn: '2027-02-28' };
const RMA: CredentialInput = { code: 'RMA', expiresOn: '2026-04-30' };
const NCMA: CredentialInput = { code: 'NCMA', expiresOn: '2026-07-14' };
const CCMA: CredentialInput = { code: 'CCMA', expiresOn: '2026-08-31' };
const AS_OF = '2026-03-01';

const countOne = (credential: CredentialInput, amount: string, unit: Unit, completedOn = '2025-08-01') =>
  evaluate(credential, [makeActivity({ amount, unit, category: 'general', aamaApproved: true, completedOn })], AS_OF).activities[0];

describe('unit conversions', () => {
  it('sums ten 0.1-hour entries to exactly 1', () => {
    const tenths = Array.from({ length: 10 }, () => makeActivity({ amount: '0.1', unit: 'hours', category: 'general', aamaApproved: true }));
    expect(evaluate(CMA, tenths, AS_OF).earned).toBe(1);
    expect(evaluate(CCMA, tenths.map((a) => ({ ...a, completedOn: '2025-01-01' })), AS_OF).earned).toBe(0.5);
  });

  it('counts 90 minutes as 1.5', () => {
    expect(countOne(CMA, '90', 'minutes')?.counted).toBe(1.5);
    expect(countOne(RMA, '90', 'minutes')?.counted).toBe(1.5);
    expect(countOne(NCMA, '90', 'minutes')?.counted).toBe(1.5);
    expect(countOne(CCMA, '90', 'minutes')?.counted).toBe(0.75);
  });

  it('counts 0.5 IACET CEU as 5 points, hours, or 2.5 NHA credits', () => {
    expect(countOne(CMA, '0.5', 'iacet')?.counted).toBe(5);
    expect(countOne(RMA, '0.5', 'iacet')?.counted).toBe(5);
    expect(countOne(NCMA, '0.5', 'iacet')?.counted).toBe(5);
    expect(countOne(CCMA, '0.5', 'iacet')?.counted).toBe(2.5);
  });

  it('counts 3 contact hours as 1.5 NHA credits and a CEU as a contact hour', () => {
    expect(countOne(CCMA, '3', 'hours')?.counted).toBe(1.5);
    expect(countOne(CCMA, '3', 'ceu')?.counted).toBe(1.5);
    expect(countOne(CMA, '3', 'ceu')?.counted).toBe(3);
  });

  it('counts an NHA credit as 1 NHA credit and as 2 contact hours elsewhere', () => {
    expect(countOne(CCMA, '1', 'nha-credits')?.counted).toBe(1);
    expect(countOne(CMA, '1', 'nha-credits')?.counted).toBe(2);
    expect(countOne(RMA, '1', 'nha-credits')?.counted).toBe(2);
    expect(countOne(NCMA, '1', 'nha-credits')?.counted).toBe(2);
  });

  it("counts the body's own points for AAMA and AMT, and points as hours for NCCT", () => {
    expect(countOne(CMA, '2', 'points')?.counted).toBe(2);
    expect(countOne(RMA, '2', 'points')?.counted).toBe(2);
    expect(countOne(NCMA, '2', 'points')?.counted).toBe(2);
  });

  it('refuses points for NHA and says to log hours or nha-credits', () => {
    const outcome = countOne(CCMA, '2', 'points');
    expect(outcome).toMatchObject({ code: 'unit-not-accepted', counted: 0 });
    expect(outcome?.reason).toMatch(/hours/);
    expect(outcome?.reason).toMatch(/nha-credits/);
  });

  it('converts college credits with the unverified settings outside AAMA', () => {
    expect(countOne(RMA, '1', 'college-credits')?.counted).toBe(15);
    expect(countOne(NCMA, '1', 'college-credits')?.reason).toMatch(/grade of C/);
    expect(countOne(CCMA, '1', 'college-credits')?.counted).toBe(7.5);
  });

  it('refuses a CPR card for AMT, NCCT and NHA credentials', () => {
    for (const credential of [RMA, NCMA, CCMA]) {
      expect(evaluate(credential, [makeCard('2025-08-01')], AS_OF).activities[0]?.code).toBe('cpr-not-accepted');
    }
  });

  it('marks an activity counted through an unverified conversion', () => {
    expect(countOne(RMA, '2', 'hours')?.reason).toMatch(/unverified/);
    expect(countOne(CMA, '2', 'hours')?.reason).not.toMatch(/unverified/);
  });
});

describe('overrides of unverified values', () => {
  it('changes an unverified conversion', () => {
    const activity = makeActivity({ amount: '2', unit: 'hours', completedOn: '2025-08-01' });
    const result = evaluate(RMA, [activity], AS_OF, { 'amt.pointsPerContactHour': 0.5 });
    expect(result.earned).toBe(1);
    expect(result.notes.some((n) => n.includes('set by this workspace'))).toBe(true);
  });

  it("changes NCMA's hours a year and notes the default as unverified", () => {
    expect(evaluate(NCMA, [], AS_OF).required).toBe(14);
    expect(evaluate(NCMA, [], AS_OF).notes.some((n) => n.includes("NCMA's hours of CE a year") && n.includes('Unverified'))).toBe(true);
    expect(evaluate(NCMA, [], AS_OF, { 'ncma.hoursPerYear': 12 }).required).toBe(12);
  });

  it('ignores an override of the wrong type', () => {
    expect(evaluate(NCMA, [], AS_OF, { 'ncma.hoursPerYear': true }).required).toBe(14);
  });
});

describe('other bodies', () => {
  it('needs 30 CCP points for RMA with no categories or approval rules', () => {
    const result = evaluate(RMA, [makeActivity({ amount: '12', unit: 'points', completedOn: '2024-02-01' })], AS_OF);
    expect(result).toMatchObject({ unit: 'points', required: 30, earned: 12, remaining: 18, requirements: [], submitBy: '2026-04-30' });
  });

  it('lets NCMA count outside CE from 1 January of the year before the expiry year and explains it', () => {
    const activities = ['2024-12-31', '2025-01-01', '2025-07-14', '2025-07-15'].map((completedOn) => makeActivity({ amount: '2', completedOn }));
    const result = evaluate(NCMA, activities, AS_OF);
    expect(result.activities.map((a) => a.code)).toEqual(['outside-window', 'counted', 'counted', 'counted']);
    expect(result.activities[1]?.reason).toMatch(/CE-0309/);
    expect(result.activities[3]?.reason).not.toMatch(/CE-0309/);
    expect(result.cycle).toEqual({ start: '2025-07-15', end: '2026-07-14' });
    expect(result.notes.some((n) => n.includes('2025-01-01'))).toBe(true);
  });

  it('gives a BLS card nothing to earn and counts no activity toward it', () => {
    const result = evaluate({ code: 'BLS', expiresOn: '2026-03-31' }, [makeActivity({ completedOn: '2025-01-01' })], AS_OF);
    expect(result).toMatchObject({ unit: 'card', required: 0, earned: 0, remaining: 0, requirements: [], state: 'complete', submitBy: '2026-03-31' });
    expect(result.activities[0]?.code).toBe('no-ce-required');
  });
});
