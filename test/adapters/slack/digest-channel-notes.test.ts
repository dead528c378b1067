/**
 * A digest channel the bot cannot post in shows up at once: setting the digest posts a short
 * confirmation there, and when a channel post fails for good because the bot may not post there,
 * the admin who set the digest is told privately on their next request, once, with what to do.
 * The real Bolt app answering signed slash commands, the real scheduler and Slack notifier
 * draining the outbox to the fake Slack, all on one SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../../src/adapters/slack/notifier.js';
import type { Notifier } from '../../../src/core/index.js';
import { MAX_ATTEMPTS } from '../../../src/scheduler/retry-policy.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { makeTestClock, type TestClock } from '../../scheduler/make-outbox.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

const FAST: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } };
/** Sam Lee, a Slack workspace admin (America/New_York). */
const SAM = { user_id: 'U0002', user_name: 'sam.lee' };
/** Kim, another Slack admin, who set nothing. */
const KIM = { user_id: 'U0003', user_name: 'kim' };
const SET_TEAM = 'digest channel <#C0TEAM|team> weekly monday 09:00';

let s: SlackUnderTest;
let clock: TestClock;
let scheduler: Scheduler;
beforeEach(async () => {
  s = await startSlackUnderTest();
  s.fake.addUser({ id: 'U0003', name: 'kim', is_admin: true });
  clock = makeTestClock('2026-11-24T18:00:00Z');
  const logger = makeRecordingLogger(s.logs);
  const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: s.fake.apiUrl, logger, limits: FAST });
  scheduler = createScheduler({
    schedulerStore: createSchedulerStore(s.database), store: createSqliteStore(s.database), notifiers: [notifier], clock, logger,
    sweepIntervalMs: 60_000, monotonicNow: () => clock.now().getTime(),
  });
});
afterEach(async () => {
  await scheduler.stop();
  await s.close();
});

const slash = async (text: string, who: Record<string, string> = SAM): Promise<string> => {
  const result = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text, who));
  expect(result.status).toBe(200);
  return textOf(result.json);
};

const channelPosts = () => s.fake.callsTo('chat.postMessage').filter((call) => String(call.body.channel).startsWith('C'));

/** Drains, moving the scheduler's clock to each next attempt, until nothing is pending. */
async function drainToTheEnd(): Promise<void> {
  const outbox = createSchedulerStore(s.database);
  for (let due = outbox.nextDueAt(); due !== undefined; due = outbox.nextDueAt()) {
    clock.advance(Math.max(0, Date.parse(due) - clock.now().getTime()));
    await scheduler.drain();
  }
}

describe('setting the digest channel on Slack', () => {
  it('posts a short confirmation in the channel at once, once per configuration, and again when it changes', async () => {
    expect(await slash(SET_TEAM)).toContain('Weekly digest set');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [confirmation] = channelPosts();
    expect(confirmation!.body.channel).toBe('C0TEAM');
    expect(textOf(confirmation!.body)).toContain("ceu-bot will post the team's weekly CE digest here on Mondays at 09:00 (America/New_York)");
    expect(textOf(confirmation!.body)).toContain('`/ceu digest off` stops it');

    await slash(SET_TEAM);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(channelPosts()).toHaveLength(1);

    await slash('digest channel <#C0TEAM|team> weekly friday 16:00');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    // Moved twice before a drain: only the channel it is in now hears of it.
    await slash('digest channel <#C0FRONT|front-desk>');
    await slash('digest channel <#C0BACK|back-office>');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    // And back: a change again, so the first channel hears of it again.
    await slash(SET_TEAM);
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(channelPosts().map((call) => [call.body.channel, /on (Mon|Fri)days at \d\d:\d\d/.exec(textOf(call.body))?.[0]])).toEqual([
      ['C0TEAM', 'on Mondays at 09:00'], ['C0TEAM', 'on Fridays at 16:00'], ['C0BACK', 'on Fridays at 16:00'], ['C0TEAM', 'on Mondays at 09:00'],
    ]);
  });

  it('tells the admin who set it, privately and once, that the bot is not in the channel and how to invite it', async () => {
    s.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await slash(SET_TEAM);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });

    // Another admin is not the one who chose the channel.
    expect(await slash('help', KIM)).not.toContain('<#C0TEAM>');
    const told = await slash('credential list');
    expect(told).toContain('You hold no credentials yet');
    expect(told).toContain('I could not post in <#C0TEAM>');
    expect(told).toContain('not_in_channel');
    expect(told).toContain('/invite @ceu-bot');
    expect(await slash('credential list')).not.toContain('<#C0TEAM>');

    const shown = await slash('digest');
    expect(shown).toContain('could not be delivered');
    expect(shown).toContain('not_in_channel');
    expect(shown).toContain('/invite @ceu-bot');
  });

  it('posts the confirmation again when the same digest is set after a failed post, and then shows it delivered', async () => {
    s.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await slash(SET_TEAM);
    await scheduler.drain();
    // The admin invited the bot and sets the digest again to check.
    await slash(SET_TEAM);
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(channelPosts()).toHaveLength(2);
    const shown = await slash('digest');
    expect(shown).toContain('delivered');
    expect(shown).not.toContain('not_in_channel');
    expect(await slash('help')).not.toContain('I could not post');
  });

  it('does not blame the channel for an outage through every retry', async () => {
    for (let n = 0; n < MAX_ATTEMPTS; n += 1) s.fake.failNext('chat.postMessage', { error: 'internal_error' });
    await slash(SET_TEAM);
    await drainToTheEnd();
    expect(createSchedulerStore(s.database).countOutbox()).toMatchObject({ failed: 1, pending: 0 });
    expect(await slash('help')).not.toContain('I could not post');
    const shown = await slash('digest');
    expect(shown).toContain('internal_error');
    expect(shown).not.toContain('/invite');
  });
});
