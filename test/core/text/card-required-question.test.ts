/**
 * "do I need CPR for my CMA?": RULES.md says CPR is not required for CMA recertification since
 * 2013-06-01 and nothing for the other bodies; the answer says each, and logs nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
});
afterEach(() => t.close());

describe('a question whether a CPR/BLS card is required', () => {
  it.each(['is cpr required', 'Do I need BLS?', 'do i have to have a cpr card'])('"%s" says no for the CMA and that the rules are silent for the others', async (said) => {
    const before = t.snapshot();
    const text = await t.text(said);
    expect(t.snapshot()).toBe(before);
    expect(text).toContain('CMA (AAMA): no. CPR is not required for recertification since 2013-06-01');
    expect(text).toContain('NCMA (NCCT): my rules do not say; ask NCCT.');
    expect(text).toContain('`credential add BLS certified <issue date>`');
  });

  it('answers only the credential named', async () => {
    const text = await t.text('do i need cpr for my cma');
    expect(text).toContain('CMA (AAMA): no.');
    expect(text).not.toMatch(/AMT|NCCT|NHA/);
  });

  it('"do I need to log my cpr card?" is not this question, and a card line still logs', async () => {
    expect(await t.text('do I need to log my cpr card?')).not.toContain('Whether renewing needs a current CPR/BLS card');
    expect(await t.text('log cpr on 2026-11-01')).toContain('Logged #1');
  });
});
