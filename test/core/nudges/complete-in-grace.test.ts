/**
 * A CMA whose CE is complete when it expires, the renewal not recorded here, through AAMA's grace
 * of three months / 90 days: the real core, sweep, SQLite outbox and drainer, a sweep every day.
 * One note after the expiry, one last call a week before the last day to apply, and nothing that
 * says either again when the CE route closes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText } from '../../../src/core/index.js';
import type { Scheduler } from '../../../src/scheduler/index.js';
import { makeConsoleScheduler, makeTestOutbox, type TestOutbox } from '../../scheduler/make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler;
let printed: () => string;

beforeEach(() => {
  t = makeTestOutbox();
  ({ scheduler, printed } = makeConsoleScheduler(t));
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

async function say(userId: string, text: string): Promise<string> {
  const bot = createBot({ store: t.store, clock: t.clock });
  const actor = { platform: 'console' as const, tenantId: 'console', userId, displayName: userId, isAdmin: false };
  return renderText(await bot.handle({ actor, conversation: { id: `console:${userId}`, isDirect: true }, input: { kind: 'text', text } }));
}

const moveTo = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Each reminder to `userId`, with the day it was printed, from a sweep and a drain at 15:00 UTC every day. */
async function remindersEveryDay(userId: string, from: string, days: number): Promise<{ on: string; text: string }[]> {
  const seen: { on: string; text: string }[] = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(from, day);
    moveTo(`${date}T15:00:00Z`);
    await scheduler.sweep();
    await scheduler.drain();
    const mine = printed().split(/(?=── )/).filter((part) => part.startsWith(`── reminder for ${userId} `));
    for (const text of mine.slice(seen.length)) seen.push({ on: date, text });
  }
  return seen;
}

describe('a CMA expired with its CE complete, the renewal not recorded', () => {
  it('hears once after the expiry and once a week before the last day to apply, and nothing when the route closes', async () => {
    moveTo('2027-01-15T15:00:00Z');
    await say('ana', 'credential add CMA expires 2027-02-28');
    for (const line of ['log 20 points clinical aama on 2025-05-01', 'log 20 points administrative aama on 2025-06-01', 'log 20 points general aama on 2027-01-12']) await say('ana', line);

    const heard = await remindersEveryDay('ana', '2027-03-01', 102); // to 10 Jun 2027, past the close on 29 May
    expect(heard.map((r) => r.on)).toEqual(['2027-03-01', '2027-05-22']);
    const [note, lastCall] = heard.map((r) => r.text);
    expect(note).toContain('CMA expired on 28 Feb 2027: your CE is complete');
    expect(lastCall).toContain('CMA: apply with AAMA by 29 May 2027 (7 days left)');
    expect(lastCall).toContain('Your CE is complete, but no renewal is recorded here');
    expect(lastCall).toContain('After 29 May 2027: recertify by exam');
    // Neither reads as if CE were missing, and the route's close is not announced after the fact.
    for (const text of [note, lastCall]) {
      expect(text).not.toContain('Still needed');
      expect(text).not.toContain('the CE route has closed');
    }
  });

  it('who finished the CE late in the grace hears the last call, not a closing notice after it', async () => {
    moveTo('2027-01-15T15:00:00Z');
    await say('ben', 'credential add CMA expires 2027-02-28');
    await say('ben', 'log 40 points clinical aama on 2025-05-01');
    moveTo('2027-04-12T15:00:00Z');
    await say('ben', 'log 10 points administrative aama on 2027-04-10');
    await say('ben', 'log 10 points general aama on 2027-04-11');

    const heard = await remindersEveryDay('ben', '2027-04-12', 60);
    expect(heard.map((r) => r.on)).toEqual(['2027-05-22']);
    expect(heard[0]!.text).toContain('CMA: apply with AAMA by 29 May 2027 (7 days left)');
  });
});

describe('the note after the expiry, with non-AAMA credit in use', () => {
  it('dates the application by its processing time, without saying CE counts only until then', async () => {
    moveTo('2027-01-15T15:00:00Z');
    await say('cara', 'credential add CMA expires 2027-02-28');
    for (const line of ['log 20 points clinical aama on 2026-10-01', 'log 20 points general on 2026-10-01', 'log 20 points administrative aama on 2026-10-01']) await say('cara', line);
    const [note] = await remindersEveryDay('cara', '2027-03-01', 1);
    expect(note!.text).toContain('If you have not, apply with AAMA by 8 May 2027: non-AAMA credit takes up to 21 days to process, and CE renews it only until 29 May 2027.');
    expect(note!.text).not.toContain('counts until then');
  });
});
