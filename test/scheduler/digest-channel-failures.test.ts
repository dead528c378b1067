/**
 * A weekly digest the bot cannot post is shown to the admin whose change set the digest, not left
 * for nobody to notice: the sweep plans the post, the real Slack notifier hears the fake Slack
 * refuse it, the drainer records it, and the real core tells that admin on their next request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../src/adapters/slack/notifier.js';
import { createBot, renderText, type Actor, type Notifier } from '../../src/core/index.js';
import type { Scheduler } from '../../src/scheduler/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { FAKE_TEAM_ID } from '../fakes/fake-slack-team.js';
import { makeTestOutbox, makeTestScheduler, type TestOutbox } from './make-outbox.js';

const FAST: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } };
const DANA = { platform: 'slack' as const, tenantId: FAKE_TEAM_ID, userId: 'U0DANA', isAdmin: true };
const KIM = { ...DANA, userId: 'U0KIM' };

let fake: FakeSlack;
let t: TestOutbox;
let scheduler: Scheduler;
beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeTestOutbox(); // Tuesday 2026-11-24 15:00 UTC
  const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger: t.logger, limits: FAST });
  scheduler = makeTestScheduler(t, [notifier]);
});
afterEach(async () => {
  await scheduler.stop();
  await fake.close();
  t.cleanup();
});

async function ask(actor: Actor, text: string): Promise<string> {
  const bot = createBot({ store: t.store, clock: t.clock });
  return renderText(await bot.handle({ actor, conversation: { id: 'C0ADMIN', isDirect: false }, input: { kind: 'text', text } }));
}

const weeklyPosts = () => fake.callsTo('chat.postMessage').filter((call) => String(call.body.text).includes('CE reminders for the week'));

describe('a weekly digest the bot cannot post', () => {
  it('is shown once to the admin who set the digest, with what to do, and `digest` says so until a post goes', async () => {
    await ask(DANA, 'digest channel <#C0TEAM|team> weekly tuesday 09:00');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 }); // the confirmation
    // Then someone removed the bot from the channel: this week's post is refused.
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await scheduler.sweep()).toMatchObject({ digests: 1 });
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(weeklyPosts()).toHaveLength(1);

    expect(await ask(KIM, 'help')).not.toContain('<#C0TEAM>');
    const told = await ask(DANA, 'help');
    expect(told).toContain('I could not post the weekly CE digest in <#C0TEAM>');
    expect(told).toContain('/invite @ceu-bot');
    expect(await ask(DANA, 'help')).not.toContain('<#C0TEAM>');
    expect(await ask(KIM, 'digest')).toContain('could not be delivered (not_in_channel)');

    // Set again once the bot is back: the confirmation goes again, and `digest` shows it delivered.
    t.clock.advance(3_600_000);
    await ask(DANA, 'digest channel <#C0TEAM|team> weekly tuesday 09:00');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await ask(KIM, 'digest')).toContain('delivered.');
  });

  it('is not shown once a later post there went through (someone fixed the channel meanwhile)', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await ask(DANA, 'digest channel <#C0TEAM|team> weekly tuesday 09:00');
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 }); // the confirmation
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 }); // this week's post
    expect(weeklyPosts()).toHaveLength(1);
    expect(await ask(DANA, 'help')).not.toContain('I could not post');
    expect(await ask(DANA, 'digest')).toContain('delivered.');
  });

  it('is not shown for a channel the digest has moved away from; the new channel\'s is shown to the admin who moved it', async () => {
    await ask(DANA, 'digest channel <#C0TEAM|team> weekly tuesday 09:00');
    await scheduler.drain();
    await scheduler.sweep(); // this week's post to #team waits in the outbox
    await ask(KIM, 'digest channel <#C0FRONT|front-desk>');
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 2 });

    expect(await ask(DANA, 'help')).not.toContain('I could not post');
    const told = await ask(KIM, 'help');
    expect(told).toContain('I could not post in <#C0FRONT>');
    expect(told).not.toContain('C0TEAM');
  });
});
