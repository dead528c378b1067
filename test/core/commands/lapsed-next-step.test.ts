/**
 * What `status` says to do about a credential whose CE route has closed with its CE complete: the
 * member most likely renewed in time, so how to record that comes first, in a command the bot then
 * accepts (for an NCMA past NCCT's five years, `credential renew` is refused: its next year is over).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let bot: TestBot | undefined;
afterEach(() => bot?.close());

async function statusThenTry(setup: string[], setupAt: string, readAt: string, day: string): Promise<{ status: string; refused: string[] }> {
  let nowAt = setupAt;
  const play = async () => {
    bot?.close();
    nowAt = setupAt;
    bot = makeBot(() => nowAt);
    for (const line of setup) await bot.say(line);
    nowAt = readAt;
    return bot;
  };
  const status = await (await play()).text('status');
  const commands = [...new Set([...status.matchAll(/`(credential [^`]+)`/g)].map((m) => m[1]!.replace(/<[^>]*date>/g, day)))];
  const refused: string[] = [];
  for (const command of commands) if ((await (await play()).say(command)).tone === 'error') refused.push(command);
  return { status, refused };
}

describe('status once the CE route closed with the CE complete', () => {
  it('a CMA: says to give the day of a renewal made in time, before the exam', async () => {
    const { status, refused } = await statusThenTry(
      ['credential add CMA expires 2027-02-28', 'log 20 points clinical aama on 2026-10-01', 'log 20 points general aama on 2026-10-01', 'log 20 points admin aama on 2026-10-01'],
      '2026-11-25T15:00:00Z', '2027-06-10T15:00:00Z', '2027-04-20',
    );
    expect(status).toContain('Your CE for it was complete: if you renewed with AAMA by 2027-05-29, tell me the day with `credential renew CMA on <date>`.');
    expect(refused).toEqual([]);
  });

  it('an NCMA past its five years: names `credential add … certified`, which the bot takes', async () => {
    const { status, refused } = await statusThenTry(
      ['credential add NCMA expires 2026-12-31', 'log 14h general "Course A" on 2026-03-01'],
      '2026-11-25T15:00:00Z', '2032-01-05T15:00:00Z', '2031-06-01',
    );
    expect(status).toContain('tell me the day you last renewed with `credential add NCMA certified <date>`');
    expect(status).not.toContain('credential renew');
    expect(refused).toEqual([]);
  });
});

describe('status in NCCT’s five-year grace, past its first year', () => {
  it('says how to record a reinstatement, in a command the bot takes', async () => {
    const { status, refused } = await statusThenTry(
      ['credential add NCMA expires 2026-12-31', 'log 4h general "Course A" on 2026-03-01'],
      '2026-11-25T15:00:00Z', '2028-03-06T15:00:00Z', '2028-02-01',
    );
    expect(status).toContain('If you recertified or were reinstated, tell me with `credential add NCMA certified <date>`.');
    expect(refused).toEqual([]);
  });
});
