/**
 * Delivery through the real Slack notifier (the Web API client) to the fake Slack, drained by the
 * real scheduler from the real outbox on a SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier, SLACK_LIMITS } from '../../../src/adapters/slack/notifier.js';
import { createClock } from '../../../src/clock.js';
import type { Notifier } from '../../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/index.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { FAKE_TEAM_ID } from '../../fakes/fake-slack-team.js';
import { makePlanned, makeTestOutbox, mostInWindow, type TestOutbox } from '../../scheduler/make-outbox.js';
import { textOf } from './slack-under-test.js';

let fake: FakeSlack;
let t: TestOutbox;
let schedulers: Scheduler[];

beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeTestOutbox();
  schedulers = [];
});
afterEach(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await fake.close();
  t.cleanup();
});

function schedulerWith(options: { notifier?: Notifier; limits?: Notifier['limits']; clock?: TestOutbox['clock'] | ReturnType<typeof createClock> } = {}): Scheduler {
  const notifier = options.notifier ?? createSlackNotifier({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger: t.logger, ...(options.limits ? { limits: options.limits } : {}) });
  const scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [notifier], clock: options.clock ?? t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
  schedulers.push(scheduler);
  return scheduler;
}

const alice = () => t.member({ tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' });

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('delivering to Slack', () => {
  it('posts a DM to the member\'s user id and a digest to its channel, with blocks and a text fallback, and marks both sent', async () => {
    const member = alice();
    t.enqueue(makePlanned(member, 'nudge:1', { buttons: [{ actionId: 'snooze', label: 'Snooze a week', command: 'snooze CMA' }] }), makePlanned(member, 'digest:1', { channelId: 'C0TEAM' }));
    expect(await schedulerWith().drain()).toEqual({ sent: 2, retried: 0, failed: 0 });
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.channel).sort()).toEqual(['C0TEAM', 'U0ALICE']);
    expect(posts.every((p) => p.token === 'xoxb-test')).toBe(true);
    const dm = posts.find((p) => p.body.channel === 'U0ALICE')!;
    expect(textOf(dm.body)).toContain('message nudge:1');
    expect(dm.body.blocks).toContainEqual(expect.objectContaining({ type: 'actions', elements: [expect.objectContaining({ action_id: 'ceu:snooze', value: 'snooze CMA' })] }));
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 2, failed: 0 });
  });

  it('sends a message once however often it is drained, and a drain called during a drain joins it', async () => {
    t.enqueue(makePlanned(alice(), 'nudge:1'));
    const scheduler = schedulerWith();
    const [first, second] = await Promise.all([scheduler.drain(), scheduler.drain()]);
    expect(first).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(second).toBe(first);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('after a 429, tries again once Retry-After has passed, and then delivers (the running scheduler wakes itself)', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    t.enqueue(makePlanned(alice(), 'nudge:1'));
    schedulerWith({ clock: createClock(t.clock.now()) }).start();
    await until(() => t.outbox.countOutbox().sent === 1);
    const [limited, delivered] = fake.callsTo('chat.postMessage');
    expect(delivered!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('gives up a DM Slack refuses for good, marks the member unreachable and keeps the note for them', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const member = alice();
    t.enqueue(makePlanned(member, 'nudge:1'));
    expect(await schedulerWith().drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(t.outbox.countOutbox()).toMatchObject({ failed: 1, pending: 0 });
    expect(t.store.findMember({ platform: 'slack', tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' })?.unreachableSince).toBeTruthy();
    const notes = t.store.takeUndelivered(member, t.clock.now().toISOString());
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes[0]!.reply)).toContain('message nudge:1');
  });

  it('gives up a post to an archived channel without marking anyone unreachable', async () => {
    fake.failNext('chat.postMessage', { error: 'is_archived' });
    t.enqueue(makePlanned(alice(), 'digest:1', { channelId: 'C0OLD' }));
    expect(await schedulerWith().drain()).toMatchObject({ failed: 1 });
    expect(t.store.findMember({ platform: 'slack', tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' })?.unreachableSince).toBeNull();
  });

  it('pauses Slack without blaming anyone when the bot token is refused, and logs it as an error', async () => {
    fake.failNext('chat.postMessage', { error: 'invalid_auth' });
    t.enqueue(makePlanned(alice(), 'nudge:1'));
    expect(await schedulerWith().drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.countOutbox()).toMatchObject({ pending: 1, failed: 0 });
    expect(t.store.findMember({ platform: 'slack', tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' })?.unreachableSince).toBeNull();
    expect(t.logs.map((line) => JSON.parse(line) as { level: string; msg: string })).toContainEqual(expect.objectContaining({ level: 'error', msg: 'platform refused the bot; deliveries paused' }));
    expect(t.logs.join('\n')).not.toContain('xoxb-test');
  });

  it('retries a transient failure after 30 s, then a minute, and delivers when Slack recovers', async () => {
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    fake.failNext('chat.postMessage', { status: 500 });
    t.enqueue(makePlanned(alice(), 'nudge:1'));
    // Slack's own 1 a second per DM would make each attempt wait a real second.
    const scheduler = schedulerWith({ limits: { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } } });
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.nextDueAt()).toBe(new Date(t.clock.now().getTime() + 30_000).toISOString());
    t.clock.advance(29_000);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.clock.advance(1000);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.nextDueAt()).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
    t.clock.advance(60_000);
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('treats a notifier that throws as a transient failure and logs it without the token', async () => {
    const throwing: Notifier = {
      platform: 'slack',
      limits: SLACK_LIMITS,
      send: async () => {
        throw new Error('socket hang up while sending with xoxb-123-secret');
      },
    };
    t.enqueue(makePlanned(alice(), 'nudge:1'));
    expect(await schedulerWith({ notifier: throwing }).drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.outbox.countOutbox()).toMatchObject({ pending: 1 });
    expect(t.logs.join('\n')).toContain('socket hang up');
    expect(t.logs.join('\n')).not.toContain('xoxb-123-secret');
  });
});

describe('pacing Slack', () => {
  it('posts to one channel at most once a second (Slack\'s limit) while DMs to others go on', async () => {
    const member = alice();
    const bob = t.member({ tenantId: FAKE_TEAM_ID, userId: 'U0BOB' });
    t.enqueue(makePlanned(member, 'digest:1', { channelId: 'C0TEAM' }), makePlanned(member, 'digest:2', { channelId: 'C0TEAM' }), makePlanned(member, 'digest:3', { channelId: 'C0TEAM' }), makePlanned(member, 'nudge:1'), makePlanned(bob, 'nudge:2'));
    const started = Date.now();
    expect(await schedulerWith().drain()).toMatchObject({ sent: 5 });
    const posts = fake.callsTo('chat.postMessage');
    const team = posts.filter((p) => p.body.channel === 'C0TEAM').map((p) => p.receivedAt);
    expect(mostInWindow(team, 1000)).toBe(1);
    expect(Math.max(...team) - started).toBeLessThan(3000);
    // The DMs did not wait behind the channel.
    expect(posts.filter((p) => p.body.channel !== 'C0TEAM').every((p) => p.receivedAt - started < 800)).toBe(true);
  });

  it('never exceeds the global and per-target limits, and keeps close to them', async () => {
    const limits = { global: { count: 4, perMs: 400 }, perTarget: { count: 2, perMs: 300 } };
    const members = ['U01', 'U02', 'U03', 'U04'].map((userId) => t.member({ tenantId: FAKE_TEAM_ID, userId }));
    t.enqueue(...members.flatMap((m) => [1, 2, 3, 4].map((n) => makePlanned(m, `nudge:${m.userId}:${n}`))));
    const started = Date.now();
    expect(await schedulerWith({ limits }).drain()).toMatchObject({ sent: 16 });
    const elapsed = Date.now() - started;
    const posts = fake.callsTo('chat.postMessage');
    expect(mostInWindow(posts.map((p) => p.receivedAt), 400)).toBeLessThanOrEqual(4);
    for (const m of members) expect(mostInWindow(posts.filter((p) => p.body.channel === m.userId).map((p) => p.receivedAt), 300)).toBeLessThanOrEqual(2);
    // 16 sends at 4 per 400 ms need just over 1.2 s.
    expect(elapsed).toBeGreaterThanOrEqual(1200);
    expect(elapsed).toBeLessThan(3000);
    // Each member's messages arrive in the order they were planned.
    for (const m of members) expect(posts.filter((p) => p.body.channel === m.userId).map((p) => textOf(p.body).match(/:(\d)$/m)?.[1])).toEqual(['1', '2', '3', '4']);
  });
});

describe('stopping', () => {
  it('waits for a send in flight and returns claimed messages not yet sent to the outbox', async () => {
    await fake.close();
    fake = await startFakeSlack({ apiLatencyMs: 300 });
    const member = alice();
    t.enqueue(makePlanned(member, 'nudge:1'), makePlanned(member, 'nudge:2'));
    const scheduler = schedulerWith();
    const drained = scheduler.drain();
    await fake.waitForCall('chat.postMessage');
    await scheduler.stop();
    expect(await drained).toMatchObject({ sent: 1 });
    expect(t.outbox.countOutbox()).toEqual({ pending: 1, sending: 0, sent: 1, failed: 0 });
    // The unsent one goes back as never tried.
    expect(t.database.sqlite.prepare("select key, attempts from outbox where status = 'pending'").all()).toEqual([{ key: 'nudge:2', attempts: 0 }]);
  });

  it('does not hold messages through a long Retry-After: they wait in the outbox until it ends', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const member = alice();
    t.enqueue(makePlanned(member, 'nudge:1'), makePlanned(member, 'nudge:2'));
    const started = Date.now();
    expect(await schedulerWith().drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
    const rows = t.database.sqlite.prepare("select key, attempts, next_attempt_at as at from outbox where status = 'pending' order by key").all() as { key: string; attempts: number; at: string }[];
    // Being told to wait is not a try: neither counts an attempt.
    expect(rows.map((r) => [r.key, r.attempts])).toEqual([['nudge:1', 0], ['nudge:2', 0]]);
    expect(Date.parse(rows[0]!.at) - t.clock.now().getTime()).toBeGreaterThanOrEqual(25_000);
    // The second waits behind the first: a member's messages keep their order.
    expect(t.outbox.claimDue(t.clock.now().toISOString(), 10)).toEqual([]);
  });
});
