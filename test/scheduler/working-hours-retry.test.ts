/**
 * The drainer keeps a member's DMs inside their hours however late a send ends up (a retry, a
 * platform's pause, a backlog), on the real SQLite outbox with a scripted platform, on a fixed clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryResult, Member, Notifier, OutboxMessage } from '../../src/core/index.js';
import { createDrainer, type Drainer } from '../../src/scheduler/drain-outbox.js';
import { createSchedulerStore, openDatabase } from '../../src/storage/index.js';
import { makePlanned, makeTestOutbox, type TestOutbox } from './make-outbox.js';

const TRANSIENT: DeliveryResult = { ok: false, permanent: false, reason: 'internal_error' };

interface FakePlatform {
  notifier: Notifier;
  /** Every send the platform saw, in order, with the test clock's time. */
  sends: { key: string; at: string; ok: boolean }[];
  /** The next send of `key` gets `result` instead of success. */
  failNext(key: string, result: DeliveryResult): void;
}

/** A remote platform that accepts everything except the failures it is told to answer. */
function fakePlatform(t: TestOutbox, limits: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } }): FakePlatform {
  const sends: FakePlatform['sends'] = [];
  const failures = new Map<string, DeliveryResult[]>();
  const notifier = {
    platform: 'slack',
    limits,
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      const result = failures.get(message.key)?.shift() ?? { ok: true };
      sends.push({ key: message.key, at: t.clock.now().toISOString(), ok: result.ok });
      return result;
    },
  } satisfies Notifier;
  return { notifier, sends, failNext: (key, result) => failures.set(key, [...(failures.get(key) ?? []), result]) };
}

let t: TestOutbox;
let platform: FakePlatform;
let drainer: Drainer;
beforeEach(() => {
  t = makeTestOutbox();
  platform = fakePlatform(t);
  drainer = drainerOn(t.outbox, platform.notifier);
});
afterEach(async () => {
  await drainer.stop();
  t.cleanup();
});

/** Pacing on the test clock, so a platform's pause ends when the test says so. */
function drainerOn(outbox: TestOutbox['outbox'], notifier: Notifier, monotonicNow = () => t.clock.now().getTime()): Drainer {
  return createDrainer({ schedulerStore: outbox, notifiers: [notifier], clock: t.clock, logger: t.logger, monotonicNow, defaultTz: 'UTC' });
}

function setTime(at: string): void {
  t.clock.advance(Date.parse(at) - t.clock.now().getTime());
}

function memberIn(userId: string, settings: { tz?: string; quietHours?: string }): Member {
  const member = t.member({ userId });
  return t.store.updateMemberSettings(member, settings, t.clock.now().toISOString());
}

const delivered = () => platform.sends.filter((s) => s.ok).map((s) => s.key);
const nextAttemptOf = (key: string) => t.database.sqlite.prepare('select next_attempt_at from outbox where key = ?').pluck().get(key);

describe('a DM retried or held back past the member\'s hours', () => {
  it('retries a DM that failed at 16:59 local at the next working-hours start, not at 17:00:30', async () => {
    setTime('2026-11-24T22:59:00Z'); // Tuesday 16:59 in Chicago
    const chicago = memberIn('U0CHI', { tz: 'America/Chicago' });
    t.enqueue(makePlanned(chicago, 'nudge:1'));
    platform.failNext('nudge:1', TRANSIENT);
    platform.failNext('nudge:1', TRANSIENT);

    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.nextDueAt()).toBe('2026-11-24T22:59:30.000Z'); // still inside the day: backoff as it was
    setTime('2026-11-24T22:59:30Z');
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.nextDueAt()).toBe('2026-11-25T15:00:00.000Z'); // Wednesday 09:00 in Chicago
    setTime('2026-11-24T23:00:30Z');
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    setTime('2026-11-25T15:00:00Z');
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.sends).toEqual([
      { key: 'nudge:1', at: '2026-11-24T22:59:00.000Z', ok: false },
      { key: 'nudge:1', at: '2026-11-24T22:59:30.000Z', ok: false },
      { key: 'nudge:1', at: '2026-11-25T15:00:00.000Z', ok: true },
    ]);
  });

  it('holds a DM whose Retry-After ends inside the member\'s quiet hours until they end', async () => {
    setTime('2026-11-24T10:59:30Z'); // 11:59:30 in Berlin
    const berlin = memberIn('U0BER', { tz: 'Europe/Berlin', quietHours: '12:00-14:00' });
    t.enqueue(makePlanned(berlin, 'nudge:1'));
    platform.failNext('nudge:1', { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: 60_000, scope: 'target' });

    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.nextDueAt()).toBe('2026-11-24T13:00:00.000Z'); // 14:00 in Berlin
    setTime('2026-11-24T11:00:30Z'); // the Retry-After is over, the quiet hours are not
    expect(await drainer.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    setTime('2026-11-24T13:00:00Z');
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(delivered()).toEqual(['nudge:1']);
  });

  it('holds DMs behind a platform pause that outlasts the member\'s day until their next morning', async () => {
    await drainer.stop();
    // One send at a time across the platform (in real time), so the second DM meets the pause.
    platform = fakePlatform(t, { global: { count: 1, perMs: 20 }, perTarget: { count: 100, perMs: 1000 } });
    drainer = drainerOn(t.outbox, platform.notifier, () => performance.now());
    setTime('2026-11-24T22:00:00Z'); // Tuesday 16:00 in Chicago
    t.enqueue(makePlanned(memberIn('U0ONE', { tz: 'America/Chicago' }), 'nudge:one'), makePlanned(memberIn('U0TWO', { tz: 'America/Chicago' }), 'nudge:two'));
    platform.failNext('nudge:one', { ok: false, permanent: false, reason: 'token_revoked', retryAfterMs: 2 * 3_600_000, scope: 'global' });

    expect(await drainer.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(platform.sends.map((s) => s.key)).toEqual(['nudge:one']);
    // Two hours on is 18:00 in Chicago: both wait for Wednesday 09:00.
    expect([nextAttemptOf('nudge:one'), nextAttemptOf('nudge:two')]).toEqual(['2026-11-25T15:00:00.000Z', '2026-11-25T15:00:00.000Z']);
  });

  it('gives a member in a zone across a daylight-saving change the retry at 09:00 their time', async () => {
    setTime('2026-03-26T14:59:30Z'); // Thursday 16:59:30 in Jerusalem (UTC+2); clocks go forward at 02:00 Friday
    const jerusalem = t.store.ensureMember({ platform: 'slack', tenantId: 'T0FAKE', userId: 'U0JLM' }, undefined, 'Asia/Jerusalem');
    t.enqueue(makePlanned(jerusalem, 'nudge:1'));
    platform.failNext('nudge:1', TRANSIENT);

    expect(await drainer.drain()).toMatchObject({ retried: 1 });
    expect(t.outbox.nextDueAt()).toBe('2026-03-27T06:00:00.000Z'); // Friday 09:00 in Jerusalem (UTC+3), not 07:00Z
    setTime('2026-03-27T06:00:00Z');
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('holds a reminder that is not urgent past a Friday evening until Monday, and an urgent one only to Saturday', async () => {
    setTime('2026-11-27T22:59:00Z'); // Friday 16:59 in Chicago
    const chicago = memberIn('U0CHI', { tz: 'America/Chicago' });
    const denver = memberIn('U0DEN', { tz: 'America/Denver' });
    const early = 'nudge:1:CMA:2027-02-28:d90'; // three months ahead: Monday to Friday only
    const late = 'nudge:2:CMA:2026-12-04:d7'; // a week ahead: weekends too
    t.enqueue(makePlanned(chicago, early));
    setTime('2026-11-28T00:00:00Z'); // Friday 18:00 in Chicago, 17:00 in Denver: a backlog held both
    t.enqueue(makePlanned(denver, late));

    expect(await drainer.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect([nextAttemptOf(early), nextAttemptOf(late)]).toEqual([
      '2026-11-30T15:00:00.000Z', // Monday 09:00 in Chicago
      '2026-11-28T16:00:00.000Z', // Saturday 09:00 in Denver
    ]);
  });

  it('does not hold back a team digest\'s retry: a channel is nobody\'s night', async () => {
    setTime('2026-11-24T22:59:00Z'); // 22:59 in the default zone, 16:59 for the posting admin
    const admin = memberIn('U0ADM', { tz: 'America/Chicago' });
    t.enqueue(makePlanned(admin, 'digest:1', { channelId: 'C0TEAM' }));
    platform.failNext('digest:1', TRANSIENT);

    expect(await drainer.drain()).toMatchObject({ retried: 1 });
    expect(t.outbox.nextDueAt()).toBe('2026-11-24T22:59:30.000Z');
    setTime('2026-11-24T22:59:30Z');
    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('puts back DMs found due after the member\'s hours, keeps their order across a restart and sends each once', async () => {
    setTime('2026-11-24T22:50:00Z'); // planned at 16:50 in Chicago, then a backlog
    const chicago = memberIn('U0CHI', { tz: 'America/Chicago' });
    const auckland = memberIn('U0AKL', { tz: 'Pacific/Auckland' });
    t.enqueue(
      makePlanned(chicago, 'nudge:a1'), makePlanned(chicago, 'nudge:a2'), makePlanned(auckland, 'nudge:b1'),
      makePlanned(chicago, 'digest:1', { channelId: 'C0TEAM' }), makePlanned(chicago, 'nudge:a3'),
    );
    setTime('2026-11-24T23:05:00Z'); // 17:05 in Chicago, 12:05 on Wednesday in Auckland

    expect(await drainer.drain()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(delivered().sort()).toEqual(['digest:1', 'nudge:b1']);
    expect(t.outbox.countOutbox()).toEqual({ pending: 3, sending: 0, sent: 2, failed: 0 });
    // Never sent, so the claim is not counted as an attempt.
    expect(t.database.sqlite.prepare("select key, attempts, next_attempt_at as at from outbox where key = 'nudge:a1'").get())
      .toEqual({ key: 'nudge:a1', attempts: 0, at: '2026-11-25T15:00:00.000Z' });

    await drainer.stop();
    t.database.close();
    const reopened = openDatabase(t.path);
    try {
      drainer = drainerOn(createSchedulerStore(reopened), platform.notifier);
      setTime('2026-11-25T15:00:00Z'); // Wednesday 09:00 in Chicago
      expect(await drainer.drain()).toEqual({ sent: 3, retried: 0, failed: 0 });
      expect(delivered().filter((key) => key.startsWith('nudge:a'))).toEqual(['nudge:a1', 'nudge:a2', 'nudge:a3']);
      expect(platform.sends).toHaveLength(5);
      expect(createSchedulerStore(reopened).countOutbox()).toEqual({ pending: 0, sending: 0, sent: 5, failed: 0 });
    } finally {
      reopened.close();
    }
  });
});
