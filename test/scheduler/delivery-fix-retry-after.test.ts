/**
 * Being told to wait is not a failed try: a DM that Slack rate-limits (429 with Retry-After) several
 * times still gets every try the retry policy allows on later errors, with the backoff of a first
 * failure. The real Slack notifier against the fake Slack, the real drainer and outbox on SQLite;
 * pacing runs on the test clock, so Retry-After ends when the test moves the clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../src/adapters/slack/notifier.js';
import type { Scheduler } from '../../src/scheduler/index.js';
import { MAX_ATTEMPTS } from '../../src/scheduler/retry-policy.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { FAKE_TEAM_ID } from '../fakes/fake-slack-team.js';
import { drainToTheEnd, makePlanned, makeTestOutbox, makeTestScheduler, type TestOutbox } from './make-outbox.js';

let fake: FakeSlack;
let t: TestOutbox;
let scheduler: Scheduler;

beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeTestOutbox(); // Tuesday 15:00 UTC: the hour of tries below stays inside working hours
  const notifier = createSlackNotifier({
    botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger: t.logger,
    limits: { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } },
  });
  scheduler = makeTestScheduler(t, [notifier]);
});
afterEach(async () => {
  await scheduler.stop();
  await fake.close();
  t.cleanup();
});

const RATE_LIMITS = 3;

describe('a DM rate-limited several times, then failing', () => {
  beforeEach(() => {
    for (let n = 0; n < RATE_LIMITS; n += 1) fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
  });

  it(`still gets ${MAX_ATTEMPTS} tries after the waits, backing off from 30 s, and is delivered on the last`, async () => {
    for (let n = 0; n < MAX_ATTEMPTS - 1; n += 1) fake.failNext('chat.postMessage', { error: 'internal_error' });
    t.enqueue(makePlanned(t.member({ tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' }), 'nudge:1'));

    const waitsMs = await drainToTheEnd(t, scheduler);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(RATE_LIMITS + MAX_ATTEMPTS);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
    // The first drain, three Retry-Afters, then 30 s doubling.
    expect(waitsMs).toEqual([0, 1000, 1000, 1000, 30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it(`is taken back, to be planned again, only after ${MAX_ATTEMPTS} failed tries`, async () => {
    for (let n = 0; n < MAX_ATTEMPTS; n += 1) fake.failNext('chat.postMessage', { error: 'internal_error' });
    const alice = t.member({ tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' });
    t.enqueue(makePlanned(alice, 'nudge:1'));

    await drainToTheEnd(t, scheduler);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(RATE_LIMITS + MAX_ATTEMPTS);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0 });
    expect(t.database.sqlite.prepare('select next_check_at from members where id = ?').pluck().get(alice.memberId)).toBeNull();
  });
});
