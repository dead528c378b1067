/**
 * Credit counts toward one renewal. NCCT's outside-CE rule reaches back to January 1 of the
 * calendar year before the renewal year (CE-0309), which after a renewal is the year just renewed:
 * that reach stops at the end of the cycle the member renewed from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CODES, evaluate } from '../../../src/core/rules/index.js';
import { evaluateTally, tallyCredit, tallyHolds } from '../../../src/core/rules/tally.js';
import { makeActivity, makeCe } from './make-activity.js';

const year2026 = [makeActivity({ amount: '6', completedOn: '2026-03-01' }), makeActivity({ amount: '8', completedOn: '2026-09-01' })];

describe('an NCMA renewed from the cycle ending 2026-12-31', () => {
  const renewed = { code: 'NCMA', expiresOn: '2027-12-31', renewedFrom: '2026-12-31' } as const;

  it('does not count the renewed year’s CE toward the new year, and says which renewal it went to', () => {
    // Without a known renewal, CE-0309 counts 2026 toward 2027.
    expect(evaluate({ code: 'NCMA', expiresOn: '2027-12-31' }, year2026, '2027-01-10').earned).toBe(14);
    const e = evaluate(renewed, year2026, '2027-01-10');
    expect(e.earned).toBe(0);
    expect(e.remaining).toBe(14);
    expect(e.activities.map((a) => a.code)).toEqual(['counted-in-renewal', 'counted-in-renewal']);
    expect(e.activities[0]?.reason).toContain('on or before 2026-12-31, the last day your renewal covered');
    // The outside-CE note would say 2026 CE counts.
    expect(e.notes.join(' ')).not.toContain('accepts outside CE completed from 2026-01-01');
  });

  it('cuts only the reach into the renewed cycle, never the new cycle itself', () => {
    // Cycle 2026-07-15..2027-07-14; CE-0309 reaches to 2026-01-01, inside the cycle renewed from.
    const list = [makeActivity({ amount: '3', completedOn: '2026-05-01' }), makeActivity({ amount: '4', completedOn: '2026-07-15' })];
    const e = evaluate({ code: 'NCMA', expiresOn: '2027-07-14', renewedFrom: '2026-07-14' }, list, '2026-08-01');
    expect(e.earned).toBe(4);
    expect(e.activities.map((a) => a.code)).toEqual(['counted-in-renewal', 'counted']);
    // A CMA renewed in October 2026 runs 2026-11-01..2031-10-31 (aama-policies): credit from
    // November on is the new cycle's, though the old expiry was later.
    const cma = evaluate({ code: 'CMA', expiresOn: '2031-10-31', renewedFrom: '2027-02-28' }, [makeCe('2', 'ceu', 'clinical', true, '2026-12-15')], '2027-01-10');
    expect(cma.activities[0]?.code).toBe('counted');
  });

  it('gives a saved tally that holds only for the same renewal, and evaluates from it as from the activities', () => {
    const tally = tallyCredit(renewed, year2026, '2027-01-10');
    expect(tallyHolds(tally, 'NCMA', '2027-12-31', '2027-01-10', {}, { renewedFrom: '2026-12-31' })).toBe(true);
    expect(tallyHolds(tally, 'NCMA', '2027-12-31', '2027-01-10', {}, { renewedFrom: '2026-12-31', renewedOn: '2027-01-05' })).toBe(false);
    expect(tallyHolds(tally, 'NCMA', '2027-12-31', '2027-01-10', {})).toBe(false);
    expect(tallyHolds(tallyCredit({ code: 'NCMA', expiresOn: '2027-12-31' }, year2026, '2027-01-10'), 'NCMA', '2027-12-31', '2027-01-10', {}, { renewedFrom: '2026-12-31' })).toBe(false);
    expect(evaluateTally(JSON.parse(JSON.stringify(tally)), '2027-01-10')).toEqual(evaluate(renewed, year2026, '2027-01-10', {}, { explain: false }));
  });
});

describe('a saved tally of a renewed credential', () => {
  const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const date = fc.integer({ min: -800, max: 1500 }).map(day);
  const activities = fc.array(fc.record({ completedOn: date, amount: fc.constantFrom('1', '2.5', '6') }), { maxLength: 12 }).map((list) =>
    list.map((a, i) => makeActivity({ id: i + 1, ...a, category: 'clinical' })),
  );

  it('evaluates exactly as the activities do on every date it holds for', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CREDENTIAL_CODES), date, date, fc.option(fc.integer({ min: 1, max: 90 })), activities, date, (code, expiresOn, renewedFrom, graceDays, list, asOf) => {
        // A renewal in a grace period: the day renewed, after the end renewed from.
        const credential = { code, expiresOn, renewedFrom, ...(graceDays === null ? {} : { renewedOn: day(Date.parse(renewedFrom) / 86_400_000 - 19_723 + graceDays) }) };
        const tally = tallyCredit(credential, list, asOf);
        expect(tallyHolds(tally, code, expiresOn, asOf, {}, credential)).toBe(true);
        expect(evaluateTally(JSON.parse(JSON.stringify(tally)), asOf)).toEqual(evaluate(credential, list, asOf, {}, { explain: false }));
      }),
      { numRuns: 300 },
    );
  });
});
