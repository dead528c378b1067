/**
 * A sweep that dies after queueing a page's messages and before setting those members' next
 * checks (the order sweep.ts keeps): nothing is lost and nothing is planned twice. The failure is
 * real: a SQLite trigger refuses the next-check write, as a full disk or a killed process would.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../src/adapters/console/notifier.js';
import type { Member } from '../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { makeTestOutbox, type TestOutbox } from './make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler;
beforeEach(() => {
  t = makeTestOutbox(); // Tuesday 24 Nov 2026, 15:00 UTC
  scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [createConsoleNotifier({})], clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

function withCma(userId: string): Member {
  const member = t.member({ userId });
  t.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, t.clock.now().toISOString());
  return member;
}

it('keeps the queued reminders and plans them once when a sweep fails before setting next checks', async () => {
  const alice = withCma('alice');
  const bob = withCma('bob');
  t.database.sqlite.exec(`create trigger no_next_check before update of next_check_at on members
    begin select raise(abort, 'disk I/O error'); end`);

  await expect(scheduler.sweep()).rejects.toThrow('disk I/O error');
  const key = (m: Member) => `nudge:${m.memberId}:CMA:2027-02-28:d120`;
  expect([t.outbox.hasMessage(alice.workspaceId, key(alice)), t.outbox.hasMessage(bob.workspaceId, key(bob))]).toEqual([true, true]);
  expect(t.outbox.countOutbox()).toMatchObject({ pending: 2 });

  // Restarted with a working disk: both are still due, planned again, and queued no second time.
  t.database.sqlite.exec('drop trigger no_next_check');
  expect(await scheduler.sweep()).toMatchObject({ members: 2, planned: 2, enqueued: 0 });
  expect(t.outbox.countOutbox()).toMatchObject({ pending: 2 });
  expect(await scheduler.sweep()).toMatchObject({ members: 0 });
});
