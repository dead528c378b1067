/**
 * A clinic's year, as its staff read the reminders: the real core answers their commands, the real
 * sweep, SQLite outbox and drainer deliver to the console notifier, and the clock jumps a day at a
 * time the way the sweep would find it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText } from '../../src/core/index.js';
import type { Scheduler } from '../../src/scheduler/index.js';
import { makeConsoleScheduler, makeTestOutbox, type TestOutbox } from './make-outbox.js';

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
  const actor = { platform: 'console' as const, tenantId: 'console', userId, displayName: userId, isAdmin: userId === 'manager' };
  return renderText(await bot.handle({ actor, conversation: { id: `console:${userId}`, isDirect: true }, input: { kind: 'text', text } }));
}

const moveTo = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Each reminder printed so far, as its header and text. */
const reminders = () => printed().split(/(?=── )/).filter((part) => part.startsWith('── reminder'));

/** A sweep and a drain at 15:00 UTC on every day from `from` for `days` days. */
async function everyDay(from: string, days: number, each: (date: string) => void = () => undefined): Promise<void> {
  for (let day = 0; day < days; day++) {
    const date = addDays(from, day);
    moveTo(`${date}T15:00:00Z`);
    await scheduler.sweep();
    await scheduler.drain();
    each(date);
  }
}

describe('behind-pace notes over the months', () => {
  it('come at most once in four weeks, even when the member’s pace period turns days after the first', async () => {
    moveTo('2026-11-02T15:00:00Z');
    // Ben (member 1) falls behind on 2 Nov; his pace period turns on 4 Nov.
    await say('ben', 'credential add CMA expires 2027-06-30');
    await say('ben', 'log 5h general "Ethics" on 2026-10-01 aama');
    const sentOn: string[] = [];
    let seen = 0;
    await everyDay('2026-11-02', 100, (date) => {
      const notes = reminders().filter((r) => r.includes('CMA: behind pace'));
      for (; seen < notes.length; seen++) sentOn.push(date);
    });
    expect(sentOn.length).toBeGreaterThanOrEqual(3);
    expect(sentOn[0]).toBe('2026-11-02');
    for (let i = 1; i < sentOn.length; i++) {
      const gapDays = (Date.parse(sentOn[i]!) - Date.parse(sentOn[i - 1]!)) / 86_400_000;
      expect(gapDays, `${sentOn[i - 1]} → ${sentOn[i]}`).toBeGreaterThanOrEqual(28);
      // Held back at the period's turn, the note still comes within a week of its four weeks (review).
      expect(gapDays, `${sentOn[i - 1]} → ${sentOn[i]}`).toBeLessThanOrEqual(35);
    }
  });
});

describe('a pace note held back at its period’s turn (review)', () => {
  it('comes within a week of its four weeks, not a whole period later', async () => {
    moveTo('2026-11-10T15:00:00Z');
    // Ben (member 1) falls behind on 10 Nov; his pace period turns on 4 Dec, 24 days later: held back.
    await say('ben', 'credential add CMA expires 2027-06-30');
    await say('ben', 'log 5h general "Ethics" on 2026-10-01 aama');
    const sentOn: string[] = [];
    let seen = 0;
    await everyDay('2026-11-10', 45, (date) => {
      const notes = reminders().filter((r) => r.includes('CMA: behind pace'));
      for (; seen < notes.length; seen++) sentOn.push(date);
    });
    expect(sentOn[0]).toBe('2026-11-10');
    expect(sentOn.length, sentOn.join(', ')).toBeGreaterThanOrEqual(2);
    const gapDays = (Date.parse(sentOn[1]!) - Date.parse(sentOn[0]!)) / 86_400_000;
    expect(gapDays).toBeGreaterThanOrEqual(28);
    expect(gapDays).toBeLessThanOrEqual(35);
  });
});

describe('when the CE route closes', () => {
  it('tells a member whose CE was complete how to record the renewal they made, not only to sit the exam', async () => {
    moveTo('2027-01-15T15:00:00Z');
    await say('ana', 'credential add CMA expires 2027-02-28');
    for (const line of ['log 20 points clinical aama on 2025-05-01', 'log 20 points administrative aama on 2025-06-01', 'log 20 points general aama on 2027-01-12']) await say('ana', line);
    await say('ben', 'credential add CMA expires 2027-02-28');
    await say('ben', 'log 20 points clinical aama on 2025-05-01');
    // Neither says they renewed; AAMA's grace ends 29 May 2027.
    moveTo('2027-05-31T15:00:00Z');
    await scheduler.sweep();
    await scheduler.drain();
    const [ana] = reminders().filter((r) => r.startsWith('── reminder for ana'));
    expect(ana).toContain('CMA: the CE route has closed');
    expect(ana).toContain('Your CE for it was complete: if you renewed with AAMA by 29 May 2027, tell me the day with `credential renew CMA on <date>`.');
    expect(ana).toContain('If you did not, the CE route closed after 29 May 2027: recertify by exam');
    const [ben] = reminders().filter((r) => r.startsWith('── reminder for ben'));
    expect(ben).toContain('The CE route closed after 29 May 2027: recertify by exam');
    expect(ben).not.toContain('was complete');
    // What the reminder suggests works.
    expect(await say('ana', 'credential renew CMA on 2027-03-05')).toContain('Renewed CMA on 2027-03-05');
  });
});
