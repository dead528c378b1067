/**
 * Payload shapes real Slack sends that the happy-path tests do not: other bots, edits, a mention
 * inside a DM, message subtypes a person produces, Slack's HTML escaping, smart quotes, and
 * interactions for buttons or views this version of the app never made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_BOT_USER_ID } from '../../fakes/fake-slack-team.js';
import { makeAppMentionEvent, makeBlockAction, makeDirectMessageEvent, makeSlashCommand, makeViewSubmission, postEvent, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const settle = () => new Promise((r) => setTimeout(r, 150));
const replies = () => [...s.fake.callsTo('chat.postMessage'), ...s.fake.callsTo('chat.postEphemeral')];
const titles = () => s.database.sqlite.prepare('SELECT title FROM activities WHERE deleted_at IS NULL ORDER BY id').all();

describe('messages the bot must not answer', () => {
  it('ignores a mention written by another app, so two bots never talk to each other', async () => {
    const fromBot = makeAppMentionEvent('log 2h general Ethics', {
      event: { user: 'U0OTHERBOT', bot_id: 'B0OTHER', app_id: 'A0OTHER', bot_profile: { id: 'B0OTHER', app_id: 'A0OTHER', name: 'standup-bot', deleted: false, team_id: 'T0001' } },
    });
    expect((await postEvent(s.url, SIGNING_SECRET, fromBot)).status).toBe(200);
    await settle();
    expect(replies()).toHaveLength(0);
    expect(s.activityCount()).toBe(0);
  });

  it('does not log again when the member edits a mention it already answered', async () => {
    const original = makeAppMentionEvent('log 2h general Ethics');
    await postEvent(s.url, SIGNING_SECRET, original);
    await s.fake.waitForCall('chat.postEphemeral');
    // Slack sends the edit as a fresh app_mention (new event id) for the same message, marked `edited`.
    const edited = makeAppMentionEvent('log 3h general Ethics', {
      event: { ts: original.event.ts, client_msg_id: original.event.client_msg_id, edited: { user: 'U0001', ts: '1700009000.000000' } },
    });
    await postEvent(s.url, SIGNING_SECRET, edited);
    await settle();
    expect(s.activityCount()).toBe(1);
    expect(replies()).toHaveLength(1);
  });

  it('answers a mention inside its DM once, though Slack sends it both as a DM and as a mention', async () => {
    const dm = makeDirectMessageEvent(`<@${FAKE_BOT_USER_ID}> log 2h general Ethics`);
    const mention = makeAppMentionEvent('log 2h general Ethics', { event: { channel: dm.event.channel, ts: dm.event.ts, client_msg_id: dm.event.client_msg_id } });
    await Promise.all([postEvent(s.url, SIGNING_SECRET, dm), postEvent(s.url, SIGNING_SECRET, mention)]);
    await s.fake.waitForCall('chat.postMessage');
    await settle();
    expect(s.activityCount()).toBe(1);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.body).toMatchObject({ channel: dm.event.channel });
  });
});

describe('messages a person writes that arrive with a subtype', () => {
  const certificateFile = {
    id: 'F0001', name: 'certificate.pdf', mimetype: 'application/pdf', filetype: 'pdf',
    url_private: 'https://files.slack.com/files-pri/T0001-F0001/certificate.pdf', permalink: 'https://ceu-test.slack.com/files/U0001/F0001/certificate.pdf',
  };

  it('logs a DM that carries a certificate file (subtype file_share), reading its text and keeping the file as the certificate', async () => {
    const withFile = makeDirectMessageEvent('log 2h general Ethics', {
      event: { subtype: 'file_share', upload: false, display_as_bot: false, files: [certificateFile] },
    });
    await postEvent(s.url, SIGNING_SECRET, withFile);
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(post.body)).toContain('Logged #1');
    expect(textOf(post.body)).toContain('[certificate: certificate.pdf]');
    expect(s.activityCount()).toBe(1);
    expect(s.database.sqlite.prepare('select certificate_url as url, certificate_name as name from activities').get()).toEqual({ url: certificateFile.permalink, name: 'certificate.pdf' });
  });

  it('answers a certificate file sent alone with how to log it, keeping nothing', async () => {
    const alone = makeDirectMessageEvent('', { event: { subtype: 'file_share', upload: false, display_as_bot: false, files: [certificateFile] } });
    await postEvent(s.url, SIGNING_SECRET, alone);
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(post.body)).toContain('I got certificate.pdf, but no words with it');
    expect(s.activityCount()).toBe(0);
  });

  it('answers a DM thread reply also sent to the conversation (subtype thread_broadcast), in its thread', async () => {
    const root = '1700000500.000100';
    const broadcast = makeDirectMessageEvent('log 2h general Ethics', {
      event: { subtype: 'thread_broadcast', thread_ts: root, root: { type: 'message', user: 'U0001', text: 'earlier', ts: root, thread_ts: root } },
    });
    await postEvent(s.url, SIGNING_SECRET, broadcast);
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(post.body).toMatchObject({ channel: broadcast.event.channel, thread_ts: root });
    expect(s.activityCount()).toBe(1);
  });

  it('answers a DM written with /me (subtype me_message)', async () => {
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 2h general Ethics', { event: { subtype: 'me_message' } }));
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(post.body)).toContain('Logged #1');
  });

  it('ignores a channel join and a deletion in its DM', async () => {
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('<@U0001> has joined the channel', { event: { subtype: 'channel_join' } }));
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('', { event: { subtype: 'message_deleted', hidden: true, deleted_ts: '1700000000.000100' } }));
    await settle();
    expect(replies()).toHaveLength(0);
  });
});

describe('text as Slack encodes it', () => {
  it('stores &, < and > as typed, though Slack sends them as HTML entities', async () => {
    // Typed: log 1h general Q&A <intro> → Slack escapes &, < and > in command and message text.
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 1h general Q&amp;A &lt;intro&gt;'));
    expect(reply.status).toBe(200);
    expect(titles()).toEqual([{ title: 'Q&A <intro>' }]);
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 1h general Salt &amp; pepper'));
    await s.fake.waitForCall('chat.postMessage');
    expect(titles()).toEqual([{ title: 'Q&A <intro>' }, { title: 'Salt & pepper' }]);
  });

  it('reads a title in smart quotes, as a phone or a Mac types them', async () => {
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical “Phlebotomy basics” from Relias'));
    expect(textOf(reply.json)).toContain('Logged #1');
    expect(titles()).toEqual([{ title: 'Phlebotomy basics' }]);
  });

  it('answers a 4,000-character command with Block Kit Slack accepts', async () => {
    const title = 'Ünïcödé 🩺 '.repeat(400).slice(0, 3990);
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, `  log 1h general ${title}  `));
    expect(reply.status).toBe(200);
    expect(textOf(reply.json).length).toBeGreaterThan(0);
    expect(s.logs.join('\n')).not.toContain('Slack listener failed');
  });
});

describe('interactions this version of the app did not make', () => {
  it('acks a click on a button it does not know, at once, and does nothing', async () => {
    const startedAt = Date.now();
    const click = makeBlockAction(s.fake, 'confirm_log', 'confirm');
    expect((await postInteraction(s.url, SIGNING_SECRET, click)).status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await settle();
    expect(s.fake.responses).toHaveLength(0);
    expect(s.activityCount()).toBe(0);
  });

  it('closes a submitted view it did not open, at once, and stores nothing', async () => {
    const startedAt = Date.now();
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('someone_elses_modal', {}));
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(s.activityCount()).toBe(0);
  });
});

describe('when users.info fails', () => {
  const warnings = () => s.logs.filter((line) => line.includes('users.info failed'));

  it('answers a member Slack cannot find, asking users.info and warning once per command', async () => {
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 1h general Ethics', { user_id: 'U0GONE', user_name: 'gone' }));
    expect(textOf(reply.json)).toContain('Logged #1');
    // The change refreshes App Home, which wants the same user: it must not ask (and warn) again.
    await s.fake.waitForCall('views.publish');
    expect(s.fake.callsTo('users.info')).toHaveLength(1);
    expect(warnings()).toHaveLength(1);
  });

  it('answers a DM at once while users.info is rate limited, and waits out Retry-After before asking again', async () => {
    s.fake.failNext('users.info', { status: 429, retryAfter: 3 });
    const sentAt = Date.now();
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('status'));
    // The Web API client pauses every call behind a 429: the reply must not wait for users.info's Retry-After.
    await s.fake.waitForCall('chat.postMessage', undefined, 1500);
    expect(Date.now() - sentAt).toBeLessThan(1500);
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('need'));
    await s.fake.waitForCall('chat.postMessage', () => s.fake.callsTo('chat.postMessage').length === 2, 1500);
    expect(s.fake.callsTo('users.info')).toHaveLength(1);
    expect(s.logs.join('\n')).not.toContain('xoxb-test');
  });

  it('opens the log form within the trigger id’s 3 seconds though users.info is rate limited', async () => {
    s.fake.failNext('users.info', { status: 429, retryAfter: 5 });
    const sentAt = Date.now();
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    await s.fake.waitForCall('views.open', undefined, 2500);
    expect(Date.now() - sentAt).toBeLessThan(2500);
  }, 10_000);
});
