/**
 * A reminder waiting in the outbox (planned, not yet sent: a rate limit, a retry, the next drain) is
 * withdrawn when the member changes something that decides it: the real core's commands, the real
 * sweep and outbox on a SQLite file, delivery to the console notifier.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../../src/adapters/console/notifier.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeBot, type TestBot } from '../make-bot.js';

const NOW = '2026-11-24T12:00:00Z'; // a Tuesday at noon UTC: inside working hours
let t: TestBot;
let scheduler: Scheduler;
let printed: string;

beforeEach(async () => {
  t = makeBot(NOW);
  const output = new PassThrough();
  printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  scheduler = createScheduler({
    schedulerStore: createSchedulerStore(t.database), store: createSqliteStore(t.database), notifiers: [createConsoleNotifier({ output })],
    clock: { now: () => new Date(NOW) }, logger: quiet, sweepIntervalMs: 60_000,
  });
  // 96 days before 28 Feb 2027: the 120-day nudge is planned and waits in the outbox.
  await t.say('credential add CMA expires 2027-02-28');
  expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 });
  expect(pending()).toEqual([expect.stringMatching(/^nudge:\d+:CMA:2027-02-28:d120$/)]);
});
afterEach(async () => {
  await scheduler.stop();
  t.close();
});

const pending = () => (t.database.sqlite.prepare("SELECT key FROM outbox WHERE status = 'pending'").all() as Array<{ key: string }>).map((row) => row.key);

describe('a reminder still waiting to be sent', () => {
  it('goes out when the member only asks something (the control)', async () => {
    await t.say('status');
    expect(pending()).toHaveLength(1);
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(printed).toContain('CMA: submit by 28 Feb 2027');
  });

  it.each([
    ['pauses reminders', 'pause until 2026-12-10'],
    ['opts out of reminders', 'settings nudges off'],
    ['snoozes that credential', 'snooze CMA'],
    ['says it is renewed', 'credential renew CMA'],
  ])('is withdrawn, and never sent, when the member %s', async (_, command) => {
    expect((await t.say(command)).tone).toBe('success');
    expect(pending()).toEqual([]);
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(printed).toBe('');
  });
});
