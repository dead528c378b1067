/**
 * A reminder already claimed by the drainer, waiting in memory for its turn (here: the platform's
 * one send at a time, taken by another member's slow send), when its member changes something:
 * the real core's commands, the real sweep, the real outbox on a SQLite file, a scripted platform.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText, type DeliveryResult, type Notifier, type OutboxMessage } from '../../src/core/index.js';
import { createScheduler, type DrainStats, type Scheduler } from '../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../src/storage/index.js';
import { makeBot, type TestBot } from '../core/make-bot.js';

const NOW = '2026-11-24T12:00:00Z'; // a Tuesday at noon UTC: inside working hours

interface SlowPlatform {
  notifier: Notifier;
  /** What each send carried, in the order the sends started. */
  sends: { userId: string; text: string }[];
  /** Lets the first send, held until now, complete. */
  finishFirst(): void;
}

/** A console platform whose first send hangs until told (then answers `first`), and that takes one send at a time. */
function slowPlatform(first: DeliveryResult = { ok: true }): SlowPlatform {
  const sends: SlowPlatform['sends'] = [];
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return {
    sends,
    finishFirst: () => finish(),
    notifier: {
      platform: 'console',
      limits: { global: { count: 1, perMs: 1 }, perTarget: { count: 10, perMs: 1000 } },
      async send(message: OutboxMessage): Promise<DeliveryResult> {
        sends.push({ userId: message.target.kind === 'direct' ? message.target.userId : '', text: renderText(message.reply) });
        if (sends.length > 1) return { ok: true };
        await finished;
        return first;
      },
    } satisfies Notifier,
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let t: TestBot;
let platform: SlowPlatform;
let scheduler: Scheduler;
/** How far the scheduler's clock has run on past NOW. */
let laterMs = 0;

async function setUp(first?: DeliveryResult): Promise<void> {
  t = makeBot(NOW);
  laterMs = 0;
  platform = slowPlatform(first);
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  scheduler = createScheduler({
    schedulerStore: createSchedulerStore(t.database), store: createSqliteStore(t.database), notifiers: [platform.notifier],
    clock: { now: () => new Date(Date.parse(NOW) + laterMs) }, logger: quiet, sweepIntervalMs: 60_000,
    monotonicNow: () => performance.now() + laterMs,
  });
  // 96 days before 28 Feb 2027: each gets the 120-day nudge; Bob's is planned first, so it goes first.
  await t.say('credential add CMA expires 2027-02-28', { userId: 'bob' });
  await t.say('credential add RMA expires 2027-02-28', { userId: 'alice' });
  expect(await scheduler.sweep()).toMatchObject({ enqueued: 2 });
}

afterEach(async () => {
  platform.finishFirst();
  await scheduler.stop();
  t.close();
});

const statusOfAlices = () => t.database.sqlite.prepare("select status from outbox where target_id = 'alice'").pluck().all();
const toAlice = () => platform.sends.filter((s) => s.userId === 'alice');

/** Starts a drain; resolves once Bob's send hangs and Alice's reminder is claimed, waiting behind it. */
async function drainWithAlicesReminderHeld(): Promise<{ drained: Promise<DrainStats> }> {
  const drained = scheduler.drain();
  await until(() => platform.sends.length === 1, "Bob's send to start");
  expect(platform.sends[0]!.userId).toBe('bob');
  expect(statusOfAlices()).toEqual(['sending']);
  return { drained };
}

describe('a reminder claimed but not yet sent', () => {
  beforeEach(() => setUp());

  it('goes out when the member only asks something (the control)', async () => {
    const { drained } = await drainWithAlicesReminderHeld();
    await t.say('status', { userId: 'alice' });
    platform.finishFirst();
    expect(await drained).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(toAlice()).toHaveLength(1);
  });

  it.each([
    ['opts out of reminders', 'settings nudges off'],
    ['pauses reminders', 'pause until 2026-12-10'],
    ['removes the credential', 'credential remove RMA'],
    ['logs the activity that closes the gap', 'log 30h on 2026-11-01'],
  ])('is not sent when the member %s meanwhile, nor planned again', async (_, command) => {
    const { drained } = await drainWithAlicesReminderHeld();
    expect((await t.say(command, { userId: 'alice' })).tone).toBe('success');
    platform.finishFirst();
    expect(await drained).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(statusOfAlices()).toEqual([]);

    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(toAlice()).toEqual([]);
  });

  it('is planned afresh from the new data when the change leaves it due, even after a sweep found it in the way', async () => {
    const { drained } = await drainWithAlicesReminderHeld();
    await t.say('log 10h on 2026-11-01', { userId: 'alice' });
    // A sweep runs while the old reminder still holds its key: it can plan nothing for Alice now.
    await scheduler.sweep();
    platform.finishFirst();
    expect(await drained).toEqual({ sent: 1, retried: 0, failed: 0 });

    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(toAlice()).toHaveLength(1);
    expect(toAlice()[0]!.text).toContain('Still needed: 20 more points');
  });
});

describe('a reminder whose send fails while its member changes things', () => {
  beforeEach(() => setUp({ ok: false, permanent: false, reason: 'internal_error' }));

  it('is not retried with what no longer holds', async () => {
    const { drained } = await drainWithAlicesReminderHeld();
    expect((await t.say('settings nudges off', { userId: 'bob' })).tone).toBe('success');
    platform.finishFirst();
    expect(await drained).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(t.database.sqlite.prepare("select count(*) from outbox where target_id = 'bob'").pluck().get()).toBe(0);

    laterMs = 60_000; // past the 30 s a retry would have waited
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(platform.sends.map((s) => s.userId)).toEqual(['bob', 'alice']);
  });
});

describe('a reminder sent back to the outbox unsent while its member changes things', () => {
  // Bob's send is answered with a minute's platform-wide pause: Alice's, waiting in memory, goes back.
  beforeEach(() => setUp({ ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: 60_000, scope: 'global' }));

  it('is planned afresh rather than kept with what no longer holds', async () => {
    const { drained } = await drainWithAlicesReminderHeld();
    await t.say('log 10h on 2026-11-01', { userId: 'alice' });
    platform.finishFirst();
    expect(await drained).toEqual({ sent: 0, retried: 1, failed: 0 });

    laterMs = 61_000;
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(toAlice().map((s) => s.text)).toEqual([expect.stringContaining('Still needed: 20 more points')]);
  });
});
