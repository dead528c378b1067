/**
 * Reminders and preferences as people ask for them: "snooze my CMA reminders", "pause my
 * reminders until Jan 5", "turn off reminders", "change my time zone to America/Chicago".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const member = () => t.database.sqlite.prepare("SELECT tz, nudges, paused_until FROM members WHERE user_id = 'alice'").get();
const snoozedUntil = () => t.database.sqlite.prepare("SELECT snoozed_until FROM credentials WHERE code = 'CMA'").pluck().get();

async function succeeds(line: string): Promise<void> {
  const reply = await t.say(line);
  expect(reply.tone, renderText(reply)).toBe('success');
}

describe('reminder words around a command', () => {
  it.each([
    ['snooze my CMA reminders', '2026-12-01'],
    ['snooze reminders about CMA for 2 weeks', '2026-12-08'],
    ['snooze my CMA for 3 days', '2026-11-27'],
  ])('`%s` snoozes the CMA', async (line, until) => {
    await succeeds(line);
    expect(snoozedUntil()).toBe(until);
  });

  it.each(['pause my reminders until Jan 5', 'pause reminders until Jan 5', 'pause all reminders until 2027-01-05'])('`%s` pauses', async (line) => {
    await succeeds(line);
    expect(member()).toMatchObject({ paused_until: '2027-01-05' });
  });
});

describe('preferences in plain words', () => {
  it.each(['turn off reminders', 'stop my reminders', 'disable notifications'])('"%s" turns reminders off', async (said) => {
    await succeeds(said);
    expect(member()).toMatchObject({ nudges: 0 });
  });

  it('"turn reminders back on" turns them on', async () => {
    await t.say('settings nudges off');
    await succeeds('turn reminders back on');
    expect(member()).toMatchObject({ nudges: 1 });
  });

  it.each(['change my time zone to America/Chicago', 'set my timezone to America/Chicago', 'my time zone is America/Chicago'])('"%s" sets the zone', async (said) => {
    await succeeds(said);
    expect(member()).toMatchObject({ tz: 'America/Chicago' });
  });

  it.each(['my settings', 'what is my time zone?'])('"%s" shows the settings', async (said) => {
    expect(await t.text(said)).toContain('Quiet hours');
  });
});
