/** `pause until` is for a break, not for good: a year at most, so a typo in the year cannot silence every deadline. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

describe('pause until', () => {
  it.each(['2099-01-01', '2028-01-01', 'Nov 25 2027'])('%s, more than a year ahead, is refused, naming the furthest date and `settings nudges off`, and changes nothing', async (when) => {
    const before = dumpTables(t.database.sqlite);
    const answer = await t.say(`pause until ${when}`);
    expect(problemCodes(answer)).toEqual(['pause-too-long']);
    expect(renderText(answer)).toContain('2027-11-24');
    expect(renderText(answer)).toContain('settings nudges off');
    expect(dumpTables(t.database.sqlite)).toEqual(before);
  });

  it('a year ahead to the day is a pause', async () => {
    expect(renderText(await t.say('pause until 2027-11-24'))).toContain('Reminders paused until 2027-11-24.');
  });
});
