/**
 * RULES.md: an unverified (U) figure is shown as unverified wherever it is used, and only there.
 * An NHA-credit activity logged without a category (NHA has none) does not count toward a CMA,
 * so the CMA's notes must not claim AAMA's unverified NHA-credit conversion is in use.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeBot, type TestBot } from '../make-bot.js';
import { makeCe } from './make-activity.js';

const CMA = { code: 'CMA', expiresOn: '2027-02-28' } as const;
const NHA_FIGURE = 'CMA points per NHA credit';

describe('unverified figures named in the notes', () => {
  it('does not name a conversion for an activity kept out for having no category', () => {
    const result = evaluate(CMA, [makeCe('6', 'nha-credits', undefined, false, '2025-03-01')], '2026-11-24');
    expect(result.activities[0]).toMatchObject({ code: 'no-category', counted: 0 });
    expect(result.notes.filter((n) => n.includes(NHA_FIGURE))).toEqual([]);
  });

  it('still names it once such an activity counts', () => {
    const result = evaluate(CMA, [makeCe('6', 'nha-credits', 'clinical', false, '2025-03-01')], '2026-11-24');
    expect(result.activities[0]).toMatchObject({ code: 'counted', counted: 12 });
    expect(result.notes).toContain('Unverified figure in use, CMA points per NHA credit: 2 (source: NHA continuing education: 2 hours = 1 NHA credit).');
  });
});

describe('unverified figures in replies', () => {
  let bot: TestBot | undefined;
  afterEach(() => bot?.close());

  it('keeps a CMA holder’s status free of the NHA conversion when NHA credits were logged for a CCMA', async () => {
    bot = makeBot('2026-11-24T12:00:00Z');
    // Logged for the CCMA alone (NHA has no categories); the CMA is added afterwards.
    await bot.text('credential add CCMA expires 2027-08-31');
    await bot.text('log 6 nha-credits on 2026-03-01');
    await bot.text('credential add CMA expires 2027-02-28');
    const status = await bot.text('status');
    expect(status).toContain('6/10 credits'); // it counts for the CCMA
    expect(status).not.toContain(NHA_FIGURE);
    expect(await bot.text('need')).not.toContain(NHA_FIGURE);
  });
});
