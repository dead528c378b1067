/**
 * RULES.md: an AHA card "is valid for two years through the end of the month of issue". A BLS
 * expiry on another day is a misread card (or the issue date typed as the expiry): refused, as a
 * CMA's is, naming the month's last day and the issue-date form; nothing changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, refusedCodes, type TestBot } from '../make-bot.js';

let bot: TestBot | undefined;
afterEach(() => bot?.close());

describe('a BLS card’s expiry', () => {
  it('refuses a day other than the month’s last, naming the right one', async () => {
    bot = makeBot('2025-11-25T15:00:00Z');
    expect(await refusedCodes(bot, 'credential add BLS expires 2026-09-15')).toEqual(['card-expiry-month-end']);
    const text = await bot.text('credential add CPR expires 2026-09-15');
    expect(text).toContain('`credential add BLS expires 2026-09-30`');
    expect(text).toContain('`credential add BLS certified <issue date>`');
    // A day gone by may be the issue date typed as the expiry.
    expect(await refusedCodes(bot, 'credential add BLS expires 2025-03-10')).toEqual(['card-expiry-month-end']);
    expect(await bot.text('credential add BLS expires 2025-03-10')).toContain('If 2025-03-10 is the day your card was issued, use `credential add BLS certified 2025-03-10`.');
    expect(await bot.text('credential list')).toContain('You hold no credentials yet.');
  });

  it('takes the month’s last day, a month and year, or the issue date (valid two years on, to the month’s end)', async () => {
    bot = makeBot('2025-11-25T15:00:00Z');
    expect(await bot.text('credential add BLS expires 2026-09-30')).toContain('Card valid through: 2026-09-30');
    expect(await bot.text('credential add BLS expires Oct 2026')).toContain('Card valid through: 2026-10-31');
    expect(await bot.text('credential add BLS certified 2025-06-20')).toContain('Card valid through: 2027-06-30');
    expect(await bot.text('credential add BLS certified 2024-02-10')).toContain('Card valid through: 2026-02-28');
  });
});
