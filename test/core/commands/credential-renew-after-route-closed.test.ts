/**
 * `credential renew` once the CE route has closed is refused, and the refusal says what to type
 * instead: every line it gives must then be accepted. Past NCCT's five years, a renewal "on <date>"
 * would start a year that is long over, so it names `credential add … certified`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from '../make-bot.js';

let bot: TestBot | undefined;
afterEach(() => bot?.close());

/** A member whose credential `setup` made, read at `readAt`. */
async function member(setup: string[], readAt: string): Promise<TestBot> {
  bot?.close();
  let nowAt = '2026-11-25T15:00:00Z';
  bot = makeBot(() => nowAt);
  for (const line of setup) await bot.say(line);
  nowAt = readAt;
  return bot;
}

describe('credential renew after the CE route closed', () => {
  it('an NCMA past its five years: the lines the refusal gives are accepted', async () => {
    const setup = ['credential add NCMA expires 2026-12-31', 'log 14h general "Course A" on 2026-03-01'];
    const refusal = await (await member(setup, '2032-01-05T15:00:00Z')).say('credential renew NCMA');
    expect(problemCodes(refusal)).toEqual(['renew-after-exam']);
    const text = renderText(refusal);
    const lines = [...new Set([...text.matchAll(/`(credential [^`]+)`/g)].map((m) => m[1]!.replace(/<[^>]*date>/g, '2031-06-01')))];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect((await (await member(setup, '2032-01-05T15:00:00Z')).say(line)).tone, line).not.toBe('error');
  });
});
