/**
 * The cycle a renewal starts (RULES.md). A CMA is "current for 60 months from the end of the
 * calendar month of certification or last recertification" (aama-policies): the renewal's month,
 * not the old expiry, sets the new one. Anniversary cycles (AMT, NCCT, NHA) follow on from the old
 * expiry whenever the renewal is made.
 */
import { describe, expect, it } from 'vitest';
import { cycleWindow, evaluate, nextCycleExpiry } from '../../../src/core/rules/index.js';
import { makeCe } from './make-activity.js';

describe('nextCycleExpiry with the renewal date', () => {
  it('gives a CMA renewed in its last month the same month five years on, leap day included', () => {
    expect(nextCycleExpiry('CMA', '2027-02-28', '2027-02-10')).toBe('2032-02-29');
    expect(nextCycleExpiry('CMA', '2027-02-28')).toBe('2032-02-29'); // no date: an on-time renewal
  });

  it('counts 60 months from the month of an early CMA renewal, so the expiry comes sooner', () => {
    expect(nextCycleExpiry('CMA', '2027-02-28', '2026-11-24')).toBe('2031-11-30');
  });

  it('starts the cycle after a CMA renewed in its grace period after that month, so the grace CE is not counted twice', () => {
    const expiresOn = nextCycleExpiry('CMA', '2027-02-28', '2027-04-10');
    expect(expiresOn).toBe('2032-04-30');
    expect(cycleWindow({ code: 'CMA', expiresOn }).start).toBe('2027-05-01');
    // 20 points earned in the grace period renewed the old cycle; they do not count toward the new one.
    const graceCe = makeCe('20', 'ceu', 'general', true, '2027-04-01');
    expect(evaluate({ code: 'CMA', expiresOn: '2027-02-28' }, [graceCe], '2027-04-10').activities[0]?.code).toBe('counted');
    expect(evaluate({ code: 'CMA', expiresOn }, [graceCe], '2027-04-10')).toMatchObject({ earned: 0, activities: [{ code: 'outside-window' }] });
  });

  it('keeps anniversary cycles on their anniversaries whenever the renewal is made', () => {
    expect(nextCycleExpiry('RMA', '2026-04-30', '2026-01-15')).toBe('2029-04-30');
    expect(nextCycleExpiry('CCMA', '2026-02-28', '2026-02-01')).toBe('2028-02-29');
    expect(nextCycleExpiry('NCMA', '2027-02-28', '2027-05-01')).toBe('2028-02-29');
  });
});
