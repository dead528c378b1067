/**
 * How members type a zone and quiet hours: a city's name ("chicago", "new york") gets the IANA zone
 * it means to type, and quiet hours with spaces around the dash read as typed without them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

const problemText = (reply: Reply) => (reply.problems ?? []).map((p) => p.message).join('\n');

describe('settings tz with a city name', () => {
  it.each([
    ['chicago', 'America/Chicago'],
    ['Chicago', 'America/Chicago'],
    ['new york', 'America/New_York'],
    ['New_York', 'America/New_York'],
    ['los angeles', 'America/Los_Angeles'],
    ['london', 'Europe/London'],
    ['America/New York', 'America/New_York'],
  ])('refuses “%s” with one problem naming `settings tz %s`, changing nothing', async (typed, zone) => {
    expect(await refusedCodes(t, `settings tz ${typed}`)).toEqual(['unknown-time-zone']);
    const reply = await t.say(`settings tz ${typed}`);
    expect(reply.problems).toHaveLength(1);
    // The zone meant, not the examples every unknown zone gets.
    expect(problemText(reply)).toContain(`did you mean \`settings tz ${zone}\`?`);
  });

  it('keeps a city zone followed by another setting apart from it', async () => {
    const reply = await t.say('settings tz new york nudges off');
    expect(reply.problems).toHaveLength(1);
    expect(problemText(reply)).toContain('did you mean `settings tz America/New_York`?');
  });
});

describe('settings quiet with spaces around the dash', () => {
  it.each(['21:00 - 07:00', '21:00 -07:00', '21:00- 07:00', '21:00 to 07:00'])('saves “%s” as 21:00-07:00', async (typed) => {
    const reply = await t.say(`settings quiet ${typed}`);
    expect(reply.tone).toBe('success');
    expect(await t.text('settings')).toContain('Quiet hours: 21:00-07:00');
  });

  it('reads spaced quiet hours beside another setting', async () => {
    expect((await t.say('settings tz America/Chicago quiet 21:00 - 07:00')).tone).toBe('success');
    const text = await t.text('settings');
    expect(text).toContain('Time zone: America/Chicago');
    expect(text).toContain('Quiet hours: 21:00-07:00');
  });

  it('gives one problem for spaced quiet hours that are wrong', async () => {
    const reply = await t.say('settings quiet 25:00 - 07:00');
    expect(reply.problems?.map((p) => p.code)).toEqual(['invalid-quiet-hours']);
  });

  it.each([
    ['9pm-7am', '21:00-07:00'],
    ['9 pm - 7 am', '21:00-07:00'],
    ['10:30pm-6am', '22:30-06:00'],
    ['9:00-17:00', '09:00-17:00'],
  ])('refuses the 12-hour or short “%s”, naming `settings quiet %s`, changing nothing', async (typed, meant) => {
    expect(await refusedCodes(t, `settings quiet ${typed}`)).toEqual(['invalid-quiet-hours']);
    expect(problemText(await t.say(`settings quiet ${typed}`))).toContain(`type \`settings quiet ${meant}\``);
  });
});
