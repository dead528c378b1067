/**
 * A month and day without a year, said in November about a day earlier this year ("March 14th",
 * "14 March"): the date library reads it as the nearest one, next March, and the member was told
 * it was in the future and to type this year's date "if you meant last year".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
afterEach(() => t.close());

const dates = () => (t.database.sqlite.prepare('SELECT completed_on FROM activities ORDER BY id').all() as { completed_on: string }[]).map((r) => r.completed_on);

describe('in November', () => {
  beforeEach(async () => {
    t = makeBot('2026-11-24T15:00:00Z');
    await t.say('credential add RMA certified 2025-01-10');
  });

  it.each(['log 2h clinical on March 14th', 'log 2h clinical March 14th', 'log 2h clinical on 14 March', 'log bls on March 14', 'I did 1.5 hrs admin on March 14th', 'I got my BLS renewed on March 14'])(
    '"%s" is 14 March this year',
    async (line) => {
      expect((await t.say(line)).tone, line).toBe('success');
      expect(dates()).toEqual(['2026-03-14']);
    },
  );

  it('still refuses a yearless date ahead this year, naming last year', async () => {
    const reply = await t.say('log 2h clinical on Nov 25');
    expect(problemCodes(reply)).toEqual(['future-date']);
    expect(reply.problems![0]!.message).toContain('2025-11-25');
    expect(dates()).toEqual([]);
  });
});

describe('in January', () => {
  beforeEach(async () => {
    t = makeBot('2026-01-05T15:00:00Z');
    await t.say('credential add RMA certified 2025-01-10');
  });

  it('reads "Dec 20" as last December', async () => {
    await t.say('log 2h clinical on Dec 20');
    expect(dates()).toEqual(['2025-12-20']);
  });

  it('refuses "Feb 3", still ahead this year', async () => {
    expect(problemCodes(await t.say('log 2h clinical on Feb 3'))).toEqual(['future-date']);
  });
});
