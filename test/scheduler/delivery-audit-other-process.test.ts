/**
 * Two processes on one SQLite file (the bot, and a console run or a second start on the same
 * file), each with its own connection, scheduler and platform: neither makes the other send a
 * reminder twice, and what one of them plans the other delivers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryResult, Notifier, OutboxMessage, Platform } from '../../src/core/index.js';
import { createDrainer } from '../../src/scheduler/drain-outbox.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';
import { makePlanned, makeTestOutbox, type TestOutbox } from './make-outbox.js';

const FAST: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } };

interface GatedPlatform {
  notifier: Notifier;
  /** Keys in the order their sends started. */
  sends: string[];
  /** Sends of `key` wait until `open(key)`. */
  gate(key: string): void;
  open(key: string): void;
}

/** A remote platform that accepts everything, answering a gated key only when told to. */
function gatedPlatform(platform: Platform): GatedPlatform {
  const sends: string[] = [];
  const gates = new Map<string, { opened: Promise<void>; open: () => void }>();
  return {
    sends,
    notifier: {
      platform,
      limits: FAST,
      async send(message: OutboxMessage): Promise<DeliveryResult> {
        sends.push(message.key);
        await gates.get(message.key)?.opened;
        return { ok: true };
      },
    } satisfies Notifier,
    gate(key) {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      gates.set(key, { opened, open });
    },
    open: (key) => gates.get(key)?.open(),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let t: TestOutbox;
const schedulers: Scheduler[] = [];
const others: DatabaseHandle[] = [];
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  for (const other of others.splice(0)) other.close();
  t.cleanup();
});

/** A second process's own connection to the same file. */
function otherProcess(): DatabaseHandle {
  const other = openDatabase(t.path);
  others.push(other);
  return other;
}

function startScheduler(database: DatabaseHandle, notifier: Notifier, sweepIntervalMs = 60_000): Scheduler {
  const scheduler = createScheduler({ schedulerStore: createSchedulerStore(database), store: createSqliteStore(database), notifiers: [notifier], clock: t.clock, logger: t.logger, sweepIntervalMs });
  schedulers.push(scheduler);
  scheduler.start();
  return scheduler;
}

const statusOf = (key: string) => t.database.sqlite.prepare('select status from outbox where key = ?').pluck().get(key);

describe('a second process starting on the same file', () => {
  it('does not make the bot send again the reminders it is sending at that moment', async () => {
    t = makeTestOutbox();
    const slack = gatedPlatform('slack');
    const alice = t.member({ userId: 'U0ALICE' });
    const bob = t.member({ userId: 'U0BOB' });
    t.enqueue(makePlanned(alice, 'nudge:alice'), makePlanned(bob, 'nudge:bob'));
    slack.gate('nudge:alice');
    slack.gate('nudge:bob');
    const bot = createDrainer({ schedulerStore: t.outbox, notifiers: [slack.notifier], clock: t.clock, logger: t.logger });
    const drained = bot.drain();
    await until(() => slack.sends.length === 2, 'both sends to be under way');

    // Someone runs the console on the bot's file while both DMs are in flight.
    startScheduler(otherProcess(), gatedPlatform('console').notifier);
    // Bob's send completes first; the bot then looks for more while Alice's is still in flight.
    slack.open('nudge:bob');
    await until(() => statusOf('nudge:bob') === 'sent', "Bob's send to be recorded");
    await new Promise((resolve) => setTimeout(resolve, 50));
    slack.open('nudge:alice');

    expect(await drained).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await bot.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    await bot.stop();
    expect(slack.sends.sort()).toEqual(['nudge:alice', 'nudge:bob']);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 2, failed: 0 });
  });
});

describe('a reminder another process plans', () => {
  it('is delivered by the bot within a sweep interval even when the bot had nothing pending', async () => {
    t = makeTestOutbox();
    const slack = gatedPlatform('slack');
    const alice = t.member({ userId: 'U0ALICE' });
    startScheduler(t.database, slack.notifier, 100);
    await new Promise((resolve) => setTimeout(resolve, 150)); // its first sweep and drain: nothing to send

    // The console's sweep (another process) plans Alice's reminder into the shared outbox.
    createSchedulerStore(otherProcess()).enqueue([makePlanned(alice, 'nudge:alice')], t.clock.now().toISOString());

    await until(() => slack.sends.length > 0, 'the bot to deliver it', 2000);
    expect(slack.sends).toEqual(['nudge:alice']);
  });
});
