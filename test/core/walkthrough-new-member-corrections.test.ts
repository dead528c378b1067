/**
 * Corrections as a new member words them right after logging: "delete the one I just did",
 * "change the last one to 3 hours", "oops wrong date, it was yesterday". Each names the latest log
 * and the exact line to type, changing nothing; and the log refusals give a line to copy that
 * keeps what was typed ("1 hours" was offered, and "2.5h" for 1 h 15 min).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-25T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 1h general Ethics');
  await t.say('log 2h clinical Phlebotomy');
});
afterEach(() => t.close());

describe('the activity just logged, named in words', () => {
  it.each(['delete the one I just did', 'delete it', 'delete that', 'remove my most recent entry', 'delete the last one'])('"%s" names #2 and the line that deletes it', async (line) => {
    expect(await refusedCodes(t, line)).toEqual(['which-activity']);
    expect(await t.text(line)).toContain('`delete 2`');
  });

  it.each([
    ['change the last one to 3 hours', '`edit 2 amount 3 hours`'],
    ['edit last date yesterday', '`edit 2 date yesterday`'],
    ['edit the last one category admin', '`edit 2 category admin`'],
    ['fix the one I just did, it was general', '`edit 2 category general`'],
    ['fix the date on the last one', '`edit 2 date <value>`'],
    ['change the title of my last entry to "Phlebotomy basics"', '`edit 2 title "Phlebotomy basics"`'],
    ['oops wrong date, it was yesterday', '`edit 2 date yesterday`'],
    ['wrong category, should be admin', '`edit 2 category admin`'],
    ['edit it', '`edit 2 <field> <value>`'],
  ])('"%s" changes nothing and gives %s', async (line, says) => {
    expect(await refusedCodes(t, line)).toEqual(['which-activity']);
    expect(await t.text(line)).toContain(says);
  });

  it('says there is nothing to change when nothing is logged', async () => {
    const fresh = (await import('./make-bot.js')).makeBot('2026-11-25T15:00:00Z');
    try {
      expect(await fresh.text('change the last one to 3 hours')).toContain('You have no activities to change');
    } finally {
      fresh.close();
    }
  });
});

describe('a CMA log without a category', () => {
  it('offers the line as typed, with a category added', async () => {
    expect(await refusedCodes(t, 'log 1 hour "Webinar on HIPAA" on 2026-11-20 from Relias aama')).toEqual(['missing-category']);
    const text = await t.text('log 1 hour "Webinar on HIPAA" on 2026-11-20 from Relias aama');
    expect(text).toContain('`log 1h clinical "Webinar on HIPAA" on 2026-11-20 from Relias aama`');
    expect(text).not.toContain('1 hours');
  });

  it('keeps the unit as it is typed', async () => {
    expect(await t.text('log 30 minutes')).toContain('`log 30min clinical`');
    expect(await t.text('log 1.5 ceu')).toContain('`log 1.5 ceu clinical`');
  });
});

describe('two amounts in one entry', () => {
  it.each([
    ['log 1h 15min clinical', '`log 1.25h clinical'],
    ['log 1h30m clinical', '`log 1.5h clinical'],
    ['log 1h 20min general', '`log 80min general'],
  ])('"%s" offers the sum, %s', async (line, says) => {
    expect(await refusedCodes(t, line)).toEqual(['two-amounts']);
    const text = await t.text(line);
    expect(text).toContain(says);
    expect(text).not.toContain('2.5h');
  });

  it('offers one log each for amounts that do not add up to one ("2 hours … and 1 hour …")', async () => {
    const text = await t.text('I did 2 hours of clinical and 1 hour admin');
    expect(text).toContain('`log 2 hours …`, then `log 1 hour …`');
    expect(text).not.toContain('2.5h');
  });
});
