/**
 * After a renewal, history still shows what each earlier activity counted toward the cycle just
 * closed: AAMA audits a cycle after it ends, and the member needs that record then.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2027-01-10T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical "Sepsis" from Relias on 2026-11-01 aama');
  await t.say('credential renew CMA');
});
afterEach(() => t.close());

describe('history after a renewal', () => {
  it('shows what an activity of the previous cycle counted toward it, naming that cycle', async () => {
    const text = await t.text('history');
    // Renewed on 2027-01-10, the new cycle starts after January (RULES.md); the one it replaced ended 2027-02-28.
    expect(text).toContain('CMA, previous cycle (to 2027-02-28): +2 points clinical, AAMA-approved');
    expect(text).not.toContain('outside the period');
  });

  it('names the cycle a renewal in the grace period replaced, with its whole period', async () => {
    const late = makeBot('2027-03-10T15:00:00Z');
    try {
      await late.say('credential add CMA expires 2027-02-28');
      await late.say('log 2h clinical "Early course" from Relias on 2022-03-15 aama');
      await late.say('credential renew CMA'); // the new cycle: 2027-04-01 to 2032-03-31
      const text = await late.text('history');
      expect(text).toContain('CMA, previous cycle (to 2027-02-28): +2 points clinical, AAMA-approved');
      expect(text).not.toContain('outside the period');
    } finally {
      late.close();
    }
  });

  it('still names the cycle the renewal replaced after the new date is corrected', async () => {
    // The renewal's reply suggests this when the card prints another date.
    await t.say('credential add CMA expires 2032-02-29');
    const text = await t.text('history');
    expect(text).toContain('CMA, previous cycle (to 2027-02-28): +2 points clinical, AAMA-approved');
    expect(text).not.toContain('outside the period');
  });
});
