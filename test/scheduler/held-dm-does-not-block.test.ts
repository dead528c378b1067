/**
 * A member's DMs go one at a time, in the order they were planned, but one held for later (a
 * retry's backoff, the member's working hours) does not hold back another that may go now: a
 * deadline tomorrow is not kept behind a routine reminder waiting for Monday. What the drainer
 * promises stays: a Retry-After for the DM is waited out, a newer reminder of a series replaces
 * an older one. The real drainer and SQLite outbox, a scripted platform, a clock moved by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryResult, Member, Notifier, OutboxMessage, PlannedMessage } from '../../src/core/index.js';
import { createDrainer, type Drainer } from '../../src/scheduler/drain-outbox.js';
import { makePlanned, makeTestOutbox, type TestOutbox } from './make-outbox.js';

const TRANSIENT: DeliveryResult = { ok: false, permanent: false, reason: 'internal_error' };

let t: TestOutbox;
let drainer: Drainer;
/** Every send the platform saw, in order, with the test clock's time. */
let sends: { key: string; at: string; ok: boolean }[];
const failures = new Map<string, DeliveryResult[]>();

beforeEach(() => {
  t = makeTestOutbox();
  sends = [];
  failures.clear();
  const notifier = {
    platform: 'slack',
    limits: { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } },
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      const result = failures.get(message.key)?.shift() ?? { ok: true };
      sends.push({ key: message.key, at: t.clock.now().toISOString(), ok: result.ok });
      return result;
    },
  } satisfies Notifier;
  // Pacing on the test clock, so a Retry-After ends when the test moves the clock.
  drainer = createDrainer({ schedulerStore: t.outbox, notifiers: [notifier], clock: t.clock, logger: t.logger, monotonicNow: () => t.clock.now().getTime(), defaultTz: 'UTC' });
});
afterEach(async () => {
  await drainer.stop();
  t.cleanup();
});

const failNext = (key: string, result: DeliveryResult) => failures.set(key, [...(failures.get(key) ?? []), result]);
const setTime = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());
const delivered = () => sends.filter((s) => s.ok).map((s) => [s.key, s.at]);
const inSeries = (member: Member, key: string, series: string): PlannedMessage => ({ ...makePlanned(member, key), series });

function chicagoMember(): Member {
  const member = t.member({ userId: 'U0CHI' });
  return t.store.updateMemberSettings(member, { tz: 'America/Chicago' }, t.clock.now().toISOString());
}

describe("a member's DM held for later", () => {
  it('does not keep an urgent reminder planned since behind a routine one waiting for Monday', async () => {
    setTime('2026-11-28T16:00:00Z'); // Saturday 10:00 in Chicago
    const alice = chicagoMember();
    t.enqueue(makePlanned(alice, 'nudge:1:CCMA:2027-03-31:d120')); // routine: Monday to Friday only
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });

    setTime('2026-11-28T17:00:00Z');
    t.enqueue(makePlanned(alice, 'nudge:1:CPT:2026-11-29:d1')); // its deadline is tomorrow
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    setTime('2026-11-30T15:00:00Z'); // Monday 09:00 in Chicago
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(delivered()).toEqual([
      ['nudge:1:CPT:2026-11-29:d1', '2026-11-28T17:00:00.000Z'],
      ['nudge:1:CCMA:2027-03-31:d120', '2026-11-30T15:00:00.000Z'],
    ]);
  });

  it('sends the urgent one in the same drain that finds the routine one, planned first, outside its days', async () => {
    setTime('2026-11-28T16:00:00Z'); // Saturday 10:00 in Chicago
    const alice = chicagoMember();
    t.enqueue(makePlanned(alice, 'nudge:1:CCMA:2027-03-31:d120'), makePlanned(alice, 'nudge:1:CPT:2026-11-29:d1'));
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(delivered()).toEqual([['nudge:1:CPT:2026-11-29:d1', '2026-11-28T16:00:00.000Z']]);
  });

  it("sends a later DM while an earlier one waits out its retry's backoff, but never inside the DM's Retry-After", async () => {
    const alice = t.member({ userId: 'U0ALICE' });
    t.enqueue(makePlanned(alice, 'nudge:a'));
    failNext('nudge:a', TRANSIENT);
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 }); // again in 30 s
    t.enqueue(makePlanned(alice, 'nudge:b'));
    failNext('nudge:b', { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: 60_000, scope: 'target' });
    t.enqueue(makePlanned(alice, 'nudge:c'));
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });

    t.clock.advance(30_000); // nudge:a's backoff is over, the DM's Retry-After is not
    expect(await drainer.drain()).toMatchObject({ sent: 0 });
    t.clock.advance(30_000);
    expect(await drainer.drain()).toEqual({ sent: 3, retried: 0, failed: 0 });
    const start = t.clock.now().getTime() - 60_000;
    expect(sends.map((s) => [s.key, Date.parse(s.at) - start, s.ok])).toEqual([
      ['nudge:a', 0, false],
      ['nudge:b', 0, false],
      ['nudge:a', 60_000, true],
      ['nudge:b', 60_000, true],
      ['nudge:c', 60_000, true],
    ]);
  });

  it('sends a newer reminder of its series at once and drops the older one it replaces unsent', async () => {
    const alice = t.member({ userId: 'U0ALICE' });
    t.enqueue(inSeries(alice, 'nudge:1:CMA:2027-02-28:d30', 'nudge:1:CMA:2027-02-28'));
    failNext('nudge:1:CMA:2027-02-28:d30', TRANSIENT);
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    t.enqueue(inSeries(alice, 'nudge:1:CMA:2027-02-28:d14', 'nudge:1:CMA:2027-02-28'));
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });

    t.clock.advance(30_000);
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(delivered().map(([key]) => key)).toEqual(['nudge:1:CMA:2027-02-28:d14']);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
  });
});
