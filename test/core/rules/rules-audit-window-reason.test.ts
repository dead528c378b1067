/**
 * Why an activity dated outside the earning window did not count: the reason names the period as
 * RULES.md defines it (CMA 2022-03-01..2027-02-28, NCMA's year to 2026-07-14), not the end of a
 * grace period after it, which read as if the credential expired months (NCMA: five years) later.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeBot, type TestBot } from '../make-bot.js';
import { makeActivity, makeCe } from './make-activity.js';

describe('the outside-window reason', () => {
  it('names the CMA period to its expiry for an activity before it', () => {
    const outcome = evaluate({ code: 'CMA', expiresOn: '2027-02-28' }, [makeCe('2', 'hours', 'general', false, '2022-02-28')], '2026-11-24').activities[0];
    expect(outcome).toMatchObject({ code: 'outside-window', counted: 0 });
    expect(outcome?.reason).toBe('Dated 2022-02-28, outside the period 2022-03-01..2027-02-28; AAMA counts only credit earned in it and nothing rolls over.');
  });

  it('names the NCMA renewal year, from the earlier outside-CE date, not the five-year lapse', () => {
    const outcome = evaluate({ code: 'NCMA', expiresOn: '2026-07-14' }, [makeActivity({ amount: '2', completedOn: '2024-12-31' })], '2026-03-10').activities[0];
    expect(outcome?.reason).toBe('Dated 2024-12-31, outside the period 2025-01-01..2026-07-14.');
  });

  it('says an activity after the grace period came after the CE route closed', () => {
    const outcome = evaluate({ code: 'CMA', expiresOn: '2027-02-28' }, [makeCe('1', 'ceu', 'general', true, '2027-05-30')], '2027-06-05').activities[0];
    expect(outcome?.code).toBe('outside-window');
    expect(outcome?.reason).toBe('Dated 2027-05-30, outside the period 2022-03-01..2027-02-28 and after the grace period that followed it (to 2027-05-29); AAMA counts only credit earned in it and nothing rolls over.');
  });
});

describe('the outside-window reason in replies', () => {
  let bot: TestBot | undefined;
  afterEach(() => bot?.close());

  it('does not show an NCMA member a period running to 2031 when logging an old course', async () => {
    bot = makeBot('2026-03-10T12:00:00Z');
    await bot.text('credential add NCMA expires 2026-07-14');
    const logged = await bot.text('log 2h general Old course on 2024-12-31');
    expect(logged).toContain('NCMA: not counted: Dated 2024-12-31, outside the period 2025-01-01..2026-07-14;');
    expect(logged).not.toContain('2031');
    expect(await bot.text('history')).not.toContain('2031');
  });
});
