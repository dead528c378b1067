/**
 * A saved tally must give exactly what evaluating the activities gives, on every date it claims to
 * hold for, and must say it no longer holds when that could differ (a future-dated activity's day
 * arrives, the rule settings or the cycle change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CREDENTIAL_CODES, evaluate, RULE_SETTINGS, UNITS, type ActivityInput, type RuleOverrides } from '../../../src/core/rules/index.js';
import { decodeTallies, encodeTallies, evaluateTally, TALLY_FORMAT, tallyCredit, tallyFormat, tallyHolds, type SavedTally } from '../../../src/core/rules/tally.js';
import { RULE_PACKS } from '../../../src/core/rules/index.js';

const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const date = fc.integer({ min: -1500, max: 1500 }).map(day);

const activity = fc.record({
  completedOn: date,
  amount: fc.constantFrom('0.5', '1', '1.25', '2', '3', '10', '45', '90'),
  unit: fc.constantFrom(...UNITS),
  category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
  aamaApproved: fc.boolean(),
});
const activities = fc.array(activity, { maxLength: 25 }).map((list) =>
  list.map(({ category, ...a }, i): ActivityInput => ({ id: i + 1, ...a, ...(category ? { category } : {}) })),
);
const overrides = fc.subarray([...RULE_SETTINGS]).chain((settings) =>
  fc.tuple(...settings.map((s) => (typeof s.default === 'boolean' ? fc.boolean() : fc.integer({ min: 0, max: 40 })))).map((values) => {
    const result: RuleOverrides = {};
    settings.forEach((s, i) => (result[s.key] = values[i]));
    return result;
  }),
);

describe('a saved tally', () => {
  it('evaluates exactly as the activities do on every date it holds for', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CREDENTIAL_CODES), date, activities, date, fc.array(date, { minLength: 1, maxLength: 6 }), overrides, (code, expiresOn, list, countedOn, laterDays, settings) => {
        const credential = { code, expiresOn };
        const tally = tallyCredit(credential, list, countedOn, settings);
        expect(tallyHolds(tally, code, expiresOn, countedOn, settings)).toBe(true);
        const fromJson = JSON.parse(JSON.stringify(tally));
        for (const asOf of [countedOn, ...laterDays]) {
          if (!tallyHolds(fromJson, code, expiresOn, asOf, settings)) continue;
          expect(evaluateTally(fromJson, asOf, settings)).toEqual(evaluate(credential, list, asOf, settings, { explain: false }));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is stored and read back exactly, several to a member', () => {
    const credential = fc.record({ code: fc.constantFrom(...CREDENTIAL_CODES), expiresOn: date });
    fc.assert(
      fc.property(fc.array(credential, { maxLength: 5 }), activities, date, overrides, (credentials, list, countedOn, settings) => {
        const tallies: SavedTally[] = credentials.map((c) => ({ ...tallyCredit(c, list, countedOn, settings), expiresOn: c.expiresOn }));
        expect(decodeTallies(encodeTallies(tallies))).toEqual(tallies);
      }),
      { numRuns: 300 },
    );
  });

  it('is counted afresh when what is stored cannot be read', () => {
    const tally: SavedTally = { ...tallyCredit({ code: 'CMA', expiresOn: '2027-02-28' }, [], '2026-11-24'), expiresOn: '2027-02-28' };
    // Another counting's tallies are left out rather than stored under the first one's format.
    expect(decodeTallies(encodeTallies([tally, { ...tally, code: 'RMA', format: 'other' }]))).toEqual([tally]);
    for (const text of ['', 'nope', '{}', '[]', '[2,"",""]', JSON.stringify([tally]), '[1,"f","[]",["CMA"]]', '[1,"f","[]",["CMA","a","b","c","d",1,1,0,"0",0,null,null]]']) expect(decodeTallies(text)).toBeUndefined();
  });

  it('stops holding on the day a future-dated activity arrives, and before the newest one counted', () => {
    const list: ActivityInput[] = [
      { id: 1, completedOn: '2025-03-01', amount: '5', unit: 'points', category: 'clinical', aamaApproved: true },
      { id: 2, completedOn: '2025-06-10', amount: '5', unit: 'points', category: 'general', aamaApproved: true },
    ];
    const tally = tallyCredit({ code: 'CMA', expiresOn: '2027-02-28' }, list, '2025-04-01');
    expect(tallyHolds(tally, 'CMA', '2027-02-28', '2025-06-09', {})).toBe(true);
    expect(tallyHolds(tally, 'CMA', '2027-02-28', '2025-06-10', {})).toBe(false);
    expect(tallyHolds(tally, 'CMA', '2027-02-28', '2025-02-28', {})).toBe(false);
    expect(evaluateTally(tally, '2025-06-09').earned).toBe(5);
  });

  it('stops holding for other rule settings, another cycle or another credential', () => {
    const tally = tallyCredit({ code: 'CMA', expiresOn: '2027-02-28' }, [], '2025-04-01', { 'cma.pointsPerIacetCeu': 8 });
    expect(tallyHolds(tally, 'CMA', '2027-02-28', '2025-04-01', { 'cma.pointsPerIacetCeu': 8 })).toBe(true);
    expect(tallyHolds(tally, 'CMA', '2027-02-28', '2025-04-01', {})).toBe(false);
    expect(tallyHolds(tally, 'CMA', '2032-02-29', '2025-04-01', { 'cma.pointsPerIacetCeu': 8 })).toBe(false);
    expect(tallyHolds(tally, 'RMA', '2027-02-28', '2025-04-01', { 'cma.pointsPerIacetCeu': 8 })).toBe(false);
  });

  it('stops holding after a release that changes a rule pack figure', () => {
    expect(tallyFormat(RULE_PACKS)).toBe(TALLY_FORMAT);
    const changed = RULE_PACKS.map((pack) => (pack.code === 'NCMA' ? { ...pack, required: { ...pack.required, value: pack.required.value + 1 } } : pack));
    expect(tallyFormat(changed)).not.toBe(TALLY_FORMAT);
    const tally = { ...tallyCredit({ code: 'NCMA', expiresOn: '2027-02-28' }, [], '2026-11-24'), format: tallyFormat(changed) };
    expect(tallyHolds(tally, 'NCMA', '2027-02-28', '2026-11-24', {})).toBe(false);
  });
});
