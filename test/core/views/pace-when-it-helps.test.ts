/**
 * A monthly pace only where it helps (README "Reminders"): not in a grace period (the credential may
 * not be used meanwhile, and over NCCT's five-year lapse a pace reads as all the time in the world),
 * and not in the last 45 days before the submit-by date, where the date says more. `status` and
 * `need` follow the reminders' rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot | undefined;
afterEach(() => t?.close());

/** A bot whose clock the test moves: `at('2027-07-01')`. */
function movingBot(startOn: string): { bot: TestBot; at: (date: string) => void } {
  let now = `${startOn}T15:00:00Z`;
  const bot = makeBot(() => now);
  return { bot, at: (date) => { now = `${date}T15:00:00Z`; } };
}

describe('pace in status and need', () => {
  it("leaves it out in NCCT's five-year grace period, giving the CE deadline instead", async () => {
    const { bot, at } = movingBot('2026-09-02');
    t = bot;
    await t.say('credential add NCMA certified 2026-07-01');
    await t.say('log 4h general "x" on 2026-09-01');
    at('2027-07-01');
    const status = await t.text('status');
    expect(status).toContain('NCMA (NCCT): expired, CE route still open (grace)');
    expect(status).toContain('CE is still accepted until 2032-06-30 (1826 days left)');
    expect(status).not.toContain('a month');
    expect(await t.text('need')).not.toContain('a month');
  });

  it("leaves it out in the CMA's grace period", async () => {
    const { bot, at } = movingBot('2026-11-25');
    t = bot;
    await t.say('credential add CMA expires 2027-03-31');
    await t.say('log 2h clinical "Phlebotomy" aama');
    at('2027-04-01');
    const status = await t.text('status');
    expect(status).toContain('CMA (AAMA): expired, CE route still open (grace)');
    expect(status).not.toContain('a month');
  });

  it('leaves it out in the last 45 days before the submit-by date, keeping the date and what is left', async () => {
    const { bot, at } = movingBot('2026-11-25');
    t = bot;
    await t.say('credential add CMA expires 2027-03-31');
    await t.say('log 2h clinical "Phlebotomy" aama');
    await t.say('log 3h general "Other" on 2026-11-01');
    at('2027-03-09');
    const status = await t.text('status');
    expect(status).toContain('Submit by: 2027-03-10 (1 day left)');
    expect(status).toContain('Still needed: 10 administrative, 8 clinical, 7 general');
    expect(status).not.toContain('a month');
    const need = await t.text('need');
    expect(need).toContain('by 2027-03-10 (1 day left)');
    expect(need).not.toContain('a month');
  });

  it('shows it 45 days out, and not 44', async () => {
    const { bot, at } = movingBot('2026-09-02');
    t = bot;
    await t.say('credential add NCMA certified 2026-07-01');
    await t.say('log 4h general "x" on 2026-09-01');
    at('2027-05-16'); // 45 days before 2027-06-30
    expect(await t.text('status')).toContain('Submit by: 2027-06-30 (45 days left)');
    expect(await t.text('status')).toContain('Pace needed: about 6.77 hours a month');
    expect(await t.text('need')).toContain('(45 days left; about 6.77 hours a month)');
    at('2027-05-17');
    expect(await t.text('status')).not.toContain('Pace needed');
    expect(await t.text('need')).not.toContain('a month');
  });
});
