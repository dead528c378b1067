/**
 * An activity logged in a unit a body does not count is saved all the same (another credential may
 * count it), so the reply gives the line that fixes the entry, not "log it … instead" (which would
 * log it twice).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot | undefined;
afterEach(() => t?.close());

describe('a unit the body does not count', () => {
  it('gives the edit line for the entry just logged', async () => {
    t = makeBot('2026-05-10T15:00:00Z');
    await t.say('credential add CCMA certified 2025-02-14');
    const text = await t.text('log 5 points "x" on 2026-05-05');
    expect(text).toContain('Logged #1');
    expect(text).toContain('CCMA: not counted: NHA does not count points');
    expect(text).toContain('if the certificate also gives hours');
    expect(text).toContain('`edit 1 amount <n> hours`');
    expect(text).not.toContain('log it in');
  });

  it('gives it after an edit to such a unit too', async () => {
    t = makeBot('2026-05-10T15:00:00Z');
    await t.say('credential add CCMA certified 2025-02-14');
    await t.say('log 5h "x" on 2026-05-05');
    const text = await t.text('edit 1 unit points');
    expect(text).toContain('`edit 1 amount <n> hours`');
    expect(text).not.toContain('log it in');
  });

  it('and the line it gives, with the certificate’s hours in it, makes the activity count', async () => {
    t = makeBot('2026-05-10T15:00:00Z');
    await t.say('credential add CCMA certified 2025-02-14');
    const logged = await t.text('log 6 points "x" on 2026-05-05');
    const line = /`(edit 1 amount <n> hours)`/.exec(logged)?.[1];
    expect(line, logged).toBeDefined();
    expect(await t.text(line!.replace('<n>', '6'))).toContain('CCMA: +3 credits');
  });
});
