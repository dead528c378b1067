/**
 * AMT's annual fee is one reminder a year, whatever happens to the CE cycle that month: the real
 * planner, the real SQLite outbox and drainer, delivered to the console notifier.
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
const feeReminders = () => printed().match(/AMT annual fee due in December/g)?.length ?? 0;

describe('the AMT annual fee', () => {
  it('is reminded once in the anniversary month, even when the member renews the cycle that month', async () => {
    const alice = t.member({ platform: 'console', tenantId: 'console', userId: 'alice' });
    // Certified 15 Dec 2024: the cycle ends 14 Dec 2027, in the fee's own month.
    t.store.putCredential(alice, { code: 'CMAS', expiresOn: '2027-12-14', certifiedOn: null }, t.clock.now().toISOString());
    moveTo('2027-12-01T15:00:00Z');
    await scheduler.sweep();
    await scheduler.drain();
    expect(feeReminders()).toBe(1);

    // `credential renew CMAS` on 6 Dec: the next cycle runs to 14 Dec 2030.
    moveTo('2027-12-06T15:00:00Z');
    t.store.putCredential(alice, { code: 'CMAS', expiresOn: '2030-12-14', certifiedOn: null }, t.clock.now().toISOString());
    await scheduler.sweep();
    await scheduler.drain();
    expect(feeReminders()).toBe(1);

    // Next year's fee still comes.
    moveTo('2028-12-01T15:00:00Z');
    await scheduler.sweep();
    await scheduler.drain();
    expect(feeReminders()).toBe(2);
  });
});
