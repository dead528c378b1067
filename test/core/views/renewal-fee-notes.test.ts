/**
 * RULES.md: NCCT's $77 a year and NHA's fee are unverified settings, shown as unverified; a
 * workspace may set its own (`settings rule`). A member renewing sees them under the bars of
 * `status` and in `need`, as AMT's fee is said in its own reminder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let bot: TestBot | undefined;
afterEach(() => bot?.close());

const NCCT_FEE = 'NCCT annual renewal fee: $77 (unverified; check on NCCT’s site).';
const NHA_FEE = 'NHA renewal fee every 2 years: $185 (unverified; check on NHA’s site).';

describe('renewal fees in status and need', () => {
  it('shows the NCCT and NHA fees as unverified figures', async () => {
    bot = makeBot('2026-11-25T15:00:00Z');
    await bot.text('credential add NCMA expires 2027-06-30');
    await bot.text('credential add CCMA expires 2027-08-31');
    for (const command of ['status', 'need']) {
      const text = await bot.text(command);
      expect(text, command).toContain(NCCT_FEE);
      expect(text, command).toContain(NHA_FEE);
    }
  });

  it('shows the figure a workspace set, saying so', async () => {
    bot = makeBot('2026-11-25T15:00:00Z');
    await bot.text('credential add NCMA expires 2027-06-30');
    expect((await bot.say('settings rule ncma.renewalFeeUsd 80', { isAdmin: true })).tone).toBe('success');
    const status = await bot.text('status');
    expect(status).toContain('NCCT annual renewal fee: $80, as set by this workspace (the published figure is unverified).');
    expect(status).not.toContain('$77');
  });
});
