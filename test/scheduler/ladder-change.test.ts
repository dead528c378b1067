/**
 * Ladder reminders at their edges. An admin changing the workspace's ladder must not start a
 * second round of reminders: a member already reminded in the window of the stage the new ladder
 * reaches has had it. A reminder past the submit-by date asks for the credit now. Real planner and
 * stores on a SQLite file, delivery to the console notifier.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../src/adapters/console/notifier.js';
import type { Member } from '../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { SENT_IN_SERIES_SINCE_SQL } from '../../src/storage/create-outbox.js';
import { makeActivity } from '../storage/make-store.js';
import { makeTestOutbox, type TestOutbox } from './make-outbox.js';

const DAY_MS = 86_400_000;
let t: TestOutbox;
let scheduler: Scheduler;
let printed: string;

beforeEach(() => {
  t = makeTestOutbox(); // Tuesday 24 Nov 2026, 15:00 UTC
  const output = new PassThrough();
  printed = '';
  output.on('data', (chunk) => (printed += chunk));
  scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [createConsoleNotifier({ output })], clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

const now = () => t.clock.now().toISOString();
const reminders = () => printed.match(/── reminder for alice ──/g)?.length ?? 0;
/** Alice's CMA is due 28 Feb 2027: 96 days on, inside the default ladder's 120-day stage. */
function alice(): Member {
  const member = t.member({ platform: 'console', tenantId: 'console', userId: 'alice' });
  t.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, now());
  return member;
}

describe('a ladder changed after a reminder went out', () => {
  it('sends nothing more until the new ladder reaches a stage after the one already sent', async () => {
    const member = alice();
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 }); // the 120-day reminder
    // 100 days is reached too (96 days left), but the member was reminded inside that stage already.
    t.store.setNudgeLadder(member, [100, 30], now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 0 });
    expect(reminders()).toBe(1);
    // The next stage of the new ladder: 30 days before, 29 Jan 2027.
    t.clock.advance(66 * DAY_MS);
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(2);
    expect(printed).toContain('(30 days left)');
  });

  it('still sends a stage the new ladder reaches that starts after the last reminder', async () => {
    const member = alice();
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 }); // 120 days, on 24 Nov
    t.clock.advance(3 * DAY_MS); // 93 days left
    t.store.setNudgeLadder(member, [95, 30], now()); // its 95-day stage began on 25 Nov, after the reminder
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(2);
  });

  it('replaces a reminder still waiting with the new ladder\'s stage, sending one', async () => {
    const member = alice();
    await scheduler.sweep(); // the 120-day reminder waits, undelivered
    t.store.setNudgeLadder(member, [100, 30], now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(1);
  });

  it('checks what was sent by an index seek, not by reading the whole outbox', () => {
    const plan = t.database.sqlite.prepare(`explain query plan ${SENT_IN_SERIES_SINCE_SQL}`).all('nudge:1:CMA:2027-02-28', now()) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING COVERING INDEX outbox_series_sent/);
  });
});

describe('a ladder reminder past the submit-by date', () => {
  it('asks for the credit as soon as possible, not by a date already gone', async () => {
    // Non-AAMA credit moves a CMA's submit-by 21 days before its expiry: 7 Feb for 28 Feb 2027.
    t.clock.advance(88 * DAY_MS); // Sat 20 Feb 2027
    const member = alice();
    t.store.addActivity(member, makeActivity({ amount: '5', unit: 'points', category: 'general', title: 'Ethics', completedOn: '2026-01-01', aamaApproved: false }), now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(printed).toContain('CMA: submit as soon as you can (the submit-by date, 7 Feb 2027, was 13 days ago)');
    expect(printed).toMatch(/Still needed, as soon as you can: .*points\./);
    expect(printed).not.toMatch(/by 7 Feb 2027/);
  });
});
