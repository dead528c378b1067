/**
 * A deadline a day away reaches the member at a weekend even when a routine reminder of another
 * credential falls due the same Saturday: the real planner, the real SQLite outbox and drainer,
 * delivered to the console notifier.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const moveTo = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());

describe('a weekend with a deadline a day away', () => {
  it('delivers the urgent reminder that Saturday, and the routine one on Monday', async () => {
    const alice = t.member({ platform: 'console', tenantId: 'console', userId: 'alice' });
    const at = t.clock.now().toISOString();
    // CCMA: 60 days before 31 Mar 2027 is Saturday 30 Jan (routine). CPT: its last day is Sunday 31 Jan.
    t.store.putCredential(alice, { code: 'CCMA', expiresOn: '2027-03-31', certifiedOn: null }, at);
    t.store.putCredential(alice, { code: 'CPT', expiresOn: '2027-01-31', certifiedOn: null }, at);
    moveTo('2027-01-30T15:00:00Z');
    await scheduler.sweep();
    await scheduler.drain();
    expect(printed()).toContain('CPT: submit by 31 Jan 2027 (1 day left)');
    expect(printed()).not.toContain('CCMA');

    moveTo('2027-02-01T10:00:00Z');
    await scheduler.sweep();
    await scheduler.drain();
    expect(printed()).toContain('CCMA: submit by 31 Mar 2027 (58 days left)');
  });
});
