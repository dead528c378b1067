/**
 * "do my extra CEUs roll over?": RULES.md says no for AAMA and AMT (V), NHA says no only for its
 * pharmacy technicians (U), and nothing for NCCT; the answer says each, and logs nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
});
afterEach(() => t.close());

describe('a question whether extra credit carries over', () => {
  it.each(['do my ceus roll over', 'can extra hours carry over?', 'Do extra points carry over to my next cycle?', 'is there a rollover'])('"%s" answers per body and changes nothing', async (said) => {
    const before = t.snapshot();
    const text = await t.text(said);
    expect(t.snapshot()).toBe(before);
    expect(text).toContain('CMA (AAMA): no: AAMA counts only points earned in your current period, and nothing rolls over.');
    expect(text).toContain('RMA, CMAS (AMT): no: AMT counts only points earned inside the CCP cycle');
    expect(text).toContain('NCMA (NCCT): my rules say nothing about carrying credit over; ask NCCT.');
    expect(text).toMatch(/CCMA, CMAA, CPT, CET \(NHA\): probably not: .*unverified\./);
  });

  it('answers only the credential named', async () => {
    const text = await t.text('does my extra ccma credit roll over');
    expect(text).toContain('CCMA (NHA): probably not');
    expect(text).not.toMatch(/AAMA|AMT|NCCT/);
  });

  it.each(['I did 2h clinical on rollover injuries', 'did a 1 hour clinical webinar on rollover injuries'])('"%s" is still logged', async (said) => {
    expect((await t.say(said)).tone).toBe('success');
  });
});
