/** An expiry is the date printed on a card: a relative phrase would be a guess that dates every reminder. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T12:00:00Z');
});
afterEach(() => t.close());

describe('credential add … expires <date>', () => {
  it.each(['next month', 'in 3 months', 'within a year', 'this month'])('refuses “%s” and asks for the date as printed, changing nothing', async (phrase) => {
    const before = t.snapshot();
    const reply = await t.say(`credential add RMA expires ${phrase}`);
    expect(reply.tone).toBe('error');
    expect(reply.problems?.map((p) => p.code)).toContain('relative-expiry');
    expect(await t.text(`credential add RMA expires ${phrase}`)).toContain('is not the date on your card; type it as printed');
    expect(t.snapshot()).toBe(before);
  });

  it.each([['Feb 2027', '2027-02-28'], ['2027-02-10', '2027-02-10'], ['Feb 10 2027', '2027-02-10']])('still takes “%s” as printed', async (printed, expiresOn) => {
    await t.say(`credential add RMA expires ${printed}`);
    expect(await t.text('credential list')).toContain(`to ${expiresOn}`);
  });
});
