/**
 * `credential add <code> certified <date>` over a credential already tracked: the date is when the
 * member renewed (or certified), so that is the renewal's day, as `credential renew … on <date>`
 * gives it, not the day it was typed. CE done since counts toward the new cycle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

const ncma = async () => {
  const { credentials } = JSON.parse((await bot.text('status --json'))) as { credentials: { code: string; earned: number; remaining: number; cycle: { start: string; end: string } }[] };
  return credentials.find((c) => c.code === 'NCMA')!;
};

describe('credential add certified, over a lapsed credential', () => {
  it('counts CE done after the certified day toward the new cycle, not toward the lapsed one’s gap', async () => {
    bot = makeBot('2026-11-25T15:00:00Z');
    await bot.say('credential add NCMA expires 2026-05-31');
    await bot.say('log 10h general "Course A" on 2026-03-01'); // 4 hours short when it lapsed
    await bot.say('log 5h clinical "Course C" on 2026-08-01'); // after the renewal below
    const added = await bot.say('credential add NCMA certified 2026-06-01');
    expect(added.tone).toBe('success');
    expect(await ncma()).toMatchObject({ cycle: { start: '2026-06-01', end: '2027-05-31' }, earned: 5, remaining: 9 });
    const history = await bot.text('history NCMA');
    expect(history).toMatch(/#2 2026-08-01 5 hours clinical “Course C”\n\s+NCMA: \+5 hours/);
  });

  it('reads a certified day that gives a cycle overlapping the held one as a correction, counting nothing less', async () => {
    let nowAt = '2026-11-01T15:00:00Z';
    bot = makeBot(() => nowAt);
    await bot.say('credential add NCMA expires 2026-12-31'); // a guess
    await bot.say('log 7h general "March" on 2026-03-01');
    await bot.say('log 7h general "September" on 2026-09-01');
    nowAt = '2026-11-05T15:00:00Z';
    expect((await bot.say('credential add NCMA certified 2026-08-01')).tone).toBe('success');
    expect(await ncma()).toMatchObject({ cycle: { start: '2026-08-01', end: '2027-07-31' }, earned: 14, remaining: 0 });
    expect(await bot.text('history NCMA')).not.toContain('previous cycle');
  });
});

