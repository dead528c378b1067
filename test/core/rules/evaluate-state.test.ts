import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import type { CredentialInput } from '../../../src/core/rules/index.js';
import { makeCe } from './make-activity.js';

const CMA: CredentialInput = { code: 'CMA', expiresOn: '2027-02-28' };
const full = [makeCe('20', 'ceu', 'administrative', true), makeCe('20', 'ceu', 'clinical', true), makeCe('20', 'ceu', 'general', true)];
const stateOn = (credential: CredentialInput, asOf: string, activities = [] as typeof full) => evaluate(credential, activities, asOf).state;

describe('credential state', () => {
  it('is in-progress until every requirement is met, then complete, through the last day', () => {
    expect(stateOn(CMA, '2027-02-28')).toBe('in-progress');
    expect(stateOn(CMA, '2027-02-28', full)).toBe('complete');
  });

  it('puts a CMA in grace for 90 days after expiry, then requires the exam', () => {
    expect(stateOn(CMA, '2027-03-01')).toBe('grace');
    expect(stateOn(CMA, '2027-03-01', full)).toBe('grace');
    expect(stateOn(CMA, '2027-05-29')).toBe('grace'); // expiry + 90 days
    expect(stateOn(CMA, '2027-05-30')).toBe('exam-required');
  });

  it('moves the CMA submit-by date to the end of grace, and names the exam route once it closes', () => {
    const inGrace = evaluate(CMA, [makeCe('10', 'ceu', 'general', true, '2026-01-01')], '2027-04-01');
    expect(inGrace).toMatchObject({ submitBy: '2027-05-29', daysLeft: 58 });
    expect(evaluate(CMA, [makeCe('10', 'hours', 'general', false, '2026-01-01')], '2027-04-01').submitBy).toBe('2027-05-08');
    const closed = evaluate(CMA, [], '2027-06-01');
    expect(closed.notes.some((n) => n.includes('$50') && n.includes('$125') && n.includes('$250') && n.includes('3 attempts'))).toBe(true);
    expect(closed.daysLeft).toBeLessThan(0);
    expect(closed.pacePerMonth).toBe(0);
  });

  it('keeps NCMA in grace for 5 years after the renewal year ends', () => {
    const ncma: CredentialInput = { code: 'NCMA', expiresOn: '2026-07-14' };
    expect(stateOn(ncma, '2026-07-15')).toBe('grace');
    expect(stateOn(ncma, '2031-07-14')).toBe('grace');
    expect(stateOn(ncma, '2031-07-15')).toBe('exam-required');
  });

  it('expires AMT and NHA credentials the day after the cycle ends and says there is no CE route', () => {
    for (const credential of [{ code: 'RMA', expiresOn: '2026-04-30' }, { code: 'CCMA', expiresOn: '2026-04-30' }] as const) {
      expect(stateOn(credential, '2026-04-30')).toBe('in-progress');
      const after = evaluate(credential, [], '2026-05-01');
      expect(after.state).toBe('expired');
      expect(after.notes.some((n) => n.includes('no CE route'))).toBe(true);
    }
  });

  it('keeps a BLS card complete through its last day, then expired', () => {
    const card: CredentialInput = { code: 'BLS', expiresOn: '2026-03-31' };
    expect(stateOn(card, '2026-03-31')).toBe('complete');
    expect(stateOn(card, '2026-04-01')).toBe('expired');
  });

  it('counts days left in calendar days across a DST change', () => {
    expect(evaluate({ code: 'RMA', expiresOn: '2026-03-09' }, [], '2026-03-07').daysLeft).toBe(2);
    expect(evaluate({ code: 'RMA', expiresOn: '2026-11-02' }, [], '2026-10-31').daysLeft).toBe(2);
  });

  it('refuses an asOf that is not a calendar date', () => {
    expect(() => evaluate(CMA, [], '2026-13-01')).toThrow(RangeError);
  });
});
