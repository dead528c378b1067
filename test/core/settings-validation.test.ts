/**
 * `settings` refuses what the planner would misread (quiet hours that are empty or leave no day,
 * a ladder read by Number(), a zone whose sign is backwards), says what to type instead, and
 * changes no table of the real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Reply } from '../../src/core/index.js';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
const admin: Partial<Actor> = { userId: 'boss', isAdmin: true };
const tables = () => dumpTables(t.database.sqlite);
const problemText = (reply: Reply) => (reply.problems ?? []).map((p) => p.message).join('\n');

beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('settings quiet 22:00-06:00');
  await t.say('settings ladder 60 14 3', admin);
});
afterEach(() => t.close());

/** Sends `line`, expects a refusal with `code`, and returns it after checking no table changed. */
async function expectRefusal(line: string, code: string, actor?: Partial<Actor>): Promise<Reply> {
  const before = tables();
  const reply = await t.say(line, actor);
  expect(reply.tone).toBe('error');
  expect(problemCodes(reply)).toContain(code);
  expect(tables()).toEqual(before);
  return reply;
}

describe('quiet hours', () => {
  it.each(['09:00-09:00', '00:00-00:00', '23:59-23:59'])('refuses %s, which would mean no quiet hours at all, and says what to type', async (hours) => {
    const reply = await expectRefusal(`settings quiet ${hours}`, 'empty-quiet-hours');
    expect(problemText(reply)).toContain('`settings quiet 21:00-07:00`');
    expect(problemText(reply)).toContain('`settings quiet off`');
  });

  it.each(['00:00-23:59', '07:00-06:00', '08:00-04:01'])('refuses %s, longer than 20 hours, and points to `settings nudges off`', async (hours) => {
    const reply = await expectRefusal(`settings quiet ${hours}`, 'quiet-hours-too-long');
    expect(problemText(reply)).toContain('`settings nudges off`');
  });

  it.each(['08:00-18:00', '08:00-04:00', '21:00-07:00'])('keeps %s (night shifts sleep by day; 20 hours is the most)', async (hours) => {
    expect(await t.text(`settings quiet ${hours}`)).toContain(`Quiet hours: ${hours}`);
  });

  it('refuses an empty quiet setting among good ones and saves none of them', async () => {
    const reply = await expectRefusal('settings tz America/Chicago quiet 12:00-12:00 nudges off', 'empty-quiet-hours');
    expect(problemCodes(reply)).toEqual(['empty-quiet-hours']);
  });
});

describe('the workspace ladder', () => {
  it.each(['1e2', '0x10', '1.0', '+5', '7.', '0o7', '1_000', '٣٠'])('refuses “%s”: only plain whole days, and says what to type', async (word) => {
    const reply = await expectRefusal(`settings ladder 30 ${word}`, 'invalid-ladder', admin);
    expect(problemText(reply)).toContain('`settings ladder ');
  });

  it('refuses 0, which would remind on the submit-by day itself, and offers 1 day before', async () => {
    const reply = await expectRefusal('settings ladder 30 7 0', 'invalid-ladder', admin);
    expect(problemText(reply)).toContain('`settings ladder 30 7 1`');
  });

  it.each(['-7', '366', '1000', '99999999999999999999'])('refuses %s days with the range and an example', async (word) => {
    const reply = await expectRefusal(`settings ladder 30 ${word}`, 'invalid-ladder', admin);
    expect(problemText(reply)).toContain('`settings ladder ');
  });

  it('names every bad day at once, not only the first', async () => {
    const reply = await expectRefusal('settings ladder 1e2 30 0x10', 'invalid-ladder', admin);
    expect(problemText(reply)).toContain('1e2');
    expect(problemText(reply)).toContain('0x10');
  });

  it('merges repeated days and keeps 1 and 365, the nearest and furthest', async () => {
    expect(await t.text('settings ladder 7 30 7 1 365', admin)).toContain('365, 30, 7, 1 days before each submit-by date');
  });
});

describe('on/off settings', () => {
  it.each(['nudges', 'named'])('refuses `settings %s aama` instead of reading it as on', async (key) => {
    const reply = await expectRefusal(`settings ${key} aama`, 'invalid-boolean');
    expect(problemText(reply)).toContain(`\`settings ${key} on\``);
    expect(problemText(reply)).toContain(`\`settings ${key} off\``);
  });

  it.each(['on', 'off', 'yes', 'no', 'ON'])('still takes `settings nudges %s`', async (word) => {
    expect((await t.say(`settings nudges ${word}`)).tone).not.toBe('error');
  });
});

describe('a setting named without a value', () => {
  it.each(['settings tz', 'settings nudges', 'settings quiet', 'settings named', 'settings nudges off quiet'])('`%s` asks for the value, with an example', async (line) => {
    const reply = await expectRefusal(line, 'missing-setting-value');
    expect(problemText(reply)).toMatch(/`settings (tz|nudges|quiet|named) [^`]+`/);
  });
});

describe('time zones', () => {
  it.each(['Etc/GMT+5', 'etc/gmt-10', 'Etc/GMT+12'])('refuses %s, whose sign is the reverse of what it looks like', async (zone) => {
    const reply = await expectRefusal(`settings tz ${zone}`, 'offset-time-zone');
    expect(problemText(reply)).toContain('`settings tz ');
  });

  it.each(['Etc/UTC', 'UTC', 'America/Chicago'])('keeps %s', async (zone) => {
    expect((await t.say(`settings tz ${zone}`)).tone).toBe('success');
  });
});

describe('typed options (Discord)', () => {
  it.each([
    [{ ladder: '30 7', tz: 'America/Chicago' }],
    [{ rules: true, nudges: false }],
    [{ rule: 'ncma.hoursPerYear', value: '12', quiet: '21:00-07:00' }],
  ])('refuses %j rather than setting one and dropping the other', async (options) => {
    const before = tables();
    const reply = await t.structured('settings', options, { ...admin, platform: 'discord' });
    expect(problemCodes(reply)).toEqual(['mixed-settings']);
    expect(tables()).toEqual(before);
  });
});
