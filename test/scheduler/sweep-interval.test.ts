/**
 * The scheduler's timer: after the start-up sweep it sweeps again every `sweepIntervalMs`
 * (CEU_SWEEP_INTERVAL), with real timers on a short interval, the real planner and the real outbox.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../src/adapters/console/notifier.js';
import type { Member } from '../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { makeTestOutbox, type TestOutbox } from './make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler | undefined;

beforeEach(() => {
  t = makeTestOutbox(); // Tuesday 24 Nov 2026, 15:00 UTC: inside working hours
});
afterEach(async () => {
  await scheduler?.stop();
  t.cleanup();
});

function startScheduler(sweepIntervalMs: number): Scheduler {
  const output = new PassThrough();
  output.resume();
  scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [createConsoleNotifier({ output })], clock: t.clock, logger: t.logger, sweepIntervalMs });
  scheduler.start();
  return scheduler;
}

/** A member who, from now, is due the 120-day nudge for a CMA ending 28 Feb 2027. */
function addDueMember(userId: string): Member {
  const member = t.member({ platform: 'console', tenantId: 'console', userId });
  t.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, t.clock.now().toISOString());
  return member;
}

const planned = (member: Member) => t.outbox.hasMessage(member.workspaceId, `nudge:${member.memberId}:CMA:2027-02-28:d120`);
const sweepsDone = () => t.logs.filter((line) => line.includes('"msg":"sweep done"')).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  for (const start = Date.now(); !condition(); await sleep(10)) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
  }
}

describe('the sweep interval', () => {
  it('sweeps again every interval after start-up: what falls due later is planned without anyone asking', async () => {
    startScheduler(40);
    await waitFor(() => sweepsDone() >= 1);
    for (const userId of ['alice', 'bob', 'carol']) {
      const member = addDueMember(userId);
      await waitFor(() => planned(member));
    }
    await waitFor(() => sweepsDone() >= 6);
  });

  it('waits the whole interval between sweeps', async () => {
    const running = startScheduler(60_000);
    await waitFor(() => sweepsDone() >= 1);
    const alice = addDueMember('alice');
    await sleep(400);
    expect(planned(alice)).toBe(false);
    expect(sweepsDone()).toBe(1);
    await running.sweep(); // the control: a sweep would have planned it
    expect(planned(alice)).toBe(true);
  });

  it('sweeps no more once stopped', async () => {
    const running = startScheduler(40);
    await waitFor(() => sweepsDone() >= 1);
    await running.stop();
    const alice = addDueMember('alice');
    const before = sweepsDone();
    await sleep(300);
    expect(sweepsDone()).toBe(before);
    expect(planned(alice)).toBe(false);
  });
});
