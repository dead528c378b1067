import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppHomeOpenedEvent, makeAppMentionEvent, makeDirectMessageEvent, makeSlashCommand, postEvent, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add RMA expires 2027-04-30'));
  // That change refreshes Home after the ack: let it land, so a test sees only its own publishes.
  await s.fake.waitForCall('views.publish');
});
afterEach(async () => {
  await s.close();
});

describe('mentions and DMs', () => {
  it('answers a mention in its thread, in plain words, visible only to the asker', async () => {
    const envelope = makeAppMentionEvent('how am I doing?');
    expect((await postEvent(s.url, SIGNING_SECRET, envelope)).status).toBe(200);
    const post = await s.fake.waitForCall('chat.postEphemeral');
    expect(post.body).toMatchObject({ channel: envelope.event.channel, user: envelope.event.user, thread_ts: envelope.event.ts });
    expect(textOf(post.body)).toContain('RMA (AMT): in progress');
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('understands a command in a DM and logs once even when Slack retries the event', async () => {
    const envelope = makeDirectMessageEvent('I did 2 hours of training yesterday');
    await postEvent(s.url, SIGNING_SECRET, envelope);
    await postEvent(s.url, SIGNING_SECRET, envelope, { retryNum: 1, retryReason: 'http_timeout' });
    await postEvent(s.url, SIGNING_SECRET, envelope, { retryNum: 2, retryReason: 'http_timeout' });
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(post.body)).toContain('Logged #1 2026-11-23 2 hours');
    await new Promise((r) => setTimeout(r, 100));
    expect(s.activityCount()).toBe(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores message edits and channel chatter', async () => {
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 2h', { event: { subtype: 'message_changed' } }));
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 2h', { event: { channel_type: 'channel' } } as never));
    await new Promise((r) => setTimeout(r, 100));
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(s.activityCount()).toBe(0);
  });

  it('logs a Web API failure without the token and goes on', async () => {
    // A proxy's error page that quotes the request: the token is in the error the client throws.
    s.fake.failNext('chat.postEphemeral', { status: 502, echoRequest: true });
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('status'));
    await s.fake.waitForCall('chat.postEphemeral');
    await new Promise((r) => setTimeout(r, 50));
    const logged = s.logs.join('\n');
    expect(logged).toContain('slack_webapi_http_error');
    expect(logged).not.toContain('xoxb-test');
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('need'));
    await s.fake.waitForCall('chat.postEphemeral', () => s.fake.callsTo('chat.postEphemeral').length === 2);
  });

  it("logs Slack's error name when it refuses a call", async () => {
    s.fake.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('status'));
    await s.fake.waitForCall('chat.postEphemeral');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.logs.join('\n')).toContain('channel_not_found');
  });

  it('refreshes App Home after a change made in a DM or a mention', async () => {
    let since = s.fake.mark();
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 2h general Ethics'));
    expect((await s.fake.waitForCallSince(since, 'views.publish')).body).toMatchObject({ user_id: 'U0001', view: { type: 'home' } });
    since = s.fake.mark();
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('delete 1'));
    await s.fake.waitForCall('chat.postEphemeral');
    expect((await s.fake.waitForCallSince(since, 'views.publish')).body).toMatchObject({ user_id: 'U0001', view: { type: 'home' } });
  });

  it('waits out a rate limit (Retry-After) and then delivers the reply', async () => {
    await s.close();
    s = await startSlackUnderTest({ retries: 2 });
    s.fake.failNext('chat.postEphemeral', { status: 429, retryAfter: 1 });
    const sentAt = Date.now();
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('help'));
    await s.fake.waitForCall('chat.postEphemeral', () => s.fake.callsTo('chat.postEphemeral').length === 2, 5000);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1000);
    expect(s.logs.join('\n')).not.toContain('xoxb-test');
  }, 10_000);
});

describe('App Home', () => {
  it('publishes the dashboard when the member opens it', async () => {
    const since = s.fake.mark();
    await postEvent(s.url, SIGNING_SECRET, makeAppHomeOpenedEvent('U0001'));
    const publish = await s.fake.waitForCallSince(since, 'views.publish');
    expect(publish.body.user_id).toBe('U0001');
    const view = publish.body.view as { blocks: Array<{ type: string; elements?: Array<{ action_id: string }> }> };
    expect(view.blocks.find((b) => b.type === 'actions')?.elements?.map((e) => e.action_id)).toEqual(['ceu:open-log', 'ceu:need', 'ceu:help']);
    expect(JSON.stringify(view.blocks)).toContain('RMA (AMT): in progress');
  });
});
