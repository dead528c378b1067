/**
 * Why an activity dated outside the period did not count says of carry-over only what RULES.md
 * supports for the body: AAMA's earning window is the current period and AMT's "nothing rolls over"
 * are verified; NHA's no-carry-over is verified for pharmacy technicians only (U for the CCMA: never
 * presented as fact); RULES.md says nothing of carry-over for NCCT.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, rulePackSchema } from '../../../src/core/rules/index.js';
import { NHA_PACK } from '../../../src/core/rules/packs/nha.js';
import { makeBot, type TestBot } from '../make-bot.js';
import { makeActivity, makeCe } from './make-activity.js';

const reasonFor = (code: 'CMA' | 'RMA' | 'NCMA' | 'CCMA', expiresOn: string, completedOn: string) => {
  const activity = code === 'CMA' ? makeCe('2', 'hours', 'general', true, completedOn) : makeActivity({ amount: '2', completedOn });
  const outcome = evaluate({ code, expiresOn }, [activity], '2026-03-10').activities[0];
  expect(outcome?.code).toBe('outside-window');
  return outcome?.reason;
};

describe('the outside-period reason, body by body', () => {
  it('states the rule as fact where RULES.md verifies it (AAMA, AMT) and says NHA’s no-carry-over is unverified for a CCMA', () => {
    expect(reasonFor('CMA', '2027-02-28', '2022-02-28')).toBe('Dated 2022-02-28, outside the period 2022-03-01..2027-02-28; AAMA counts only credit earned in it and nothing rolls over.');
    expect(reasonFor('RMA', '2026-04-30', '2023-04-30')).toBe('Dated 2023-04-30, outside the period 2023-05-01..2026-04-30; AMT counts only credit earned in it and nothing rolls over.');
    expect(reasonFor('CCMA', '2026-08-31', '2024-08-31')).toBe(
      'Dated 2024-08-31, outside the period 2024-09-01..2026-08-31; that NHA carries no extra credit over to the next cycle is unverified (it says so for pharmacy technicians).',
    );
  });

  it('says nothing of carry-over for an NCMA', () => {
    expect(reasonFor('NCMA', '2026-07-14', '2024-12-31')).toBe('Dated 2024-12-31, outside the period 2025-01-01..2026-07-14.');
  });

  it('refuses a pack whose unverified rule does not say it is unverified', () => {
    const stated = { ...NHA_PACK, outsidePeriod: { says: 'NHA carries no extra credit over', sourceId: 'nha-ce', status: 'U' } };
    expect(rulePackSchema.safeParse(stated).success).toBe(false);
    expect(rulePackSchema.safeParse(NHA_PACK).success).toBe(true);
  });
});

describe('the outside-period reason in replies', () => {
  let bot: TestBot | undefined;
  afterEach(() => bot?.close());

  it('does not tell a CCMA holder as fact that nothing rolls over, in log or history', async () => {
    bot = makeBot('2026-03-10T12:00:00Z');
    await bot.text('credential add CCMA expires 2026-08-31');
    await bot.text('credential add NCMA expires 2026-07-14');
    const logged = await bot.text('log 2h "Old course" on 2024-08-31');
    expect(logged).toContain('CCMA: not counted: Dated 2024-08-31, outside the period 2024-09-01..2026-08-31; that NHA carries no extra credit over to the next cycle is unverified');
    expect(logged).toContain('NCMA: not counted: Dated 2024-08-31, outside the period 2025-01-01..2026-07-14;');
    for (const reply of [logged, await bot.text('history')]) expect(reply).not.toMatch(/(NHA|NCCT) counts only credit earned in it and nothing rolls over/);
  });
});
