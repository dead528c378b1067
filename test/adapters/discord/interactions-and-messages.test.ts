import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeButtonInteraction, makeMessageCreate, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makePlanned, makeTestClock } from '../../scheduler/make-outbox.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
  await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
    { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: 'RMA' }, { name: 'expires', type: 3, value: '2027-04-30' },
  ] }));
});
afterEach(async () => {
  await d.close();
});

describe('buttons and the log form', () => {
  it('Undo deletes the activity it was shown with; a second click on the same message runs once', async () => {
    await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'log', options: [{ name: 'amount', type: 10, value: 2 }, { name: 'unit', type: 3, value: 'hours' }] }));
    const first = await d.fake.sendInteraction(makeButtonInteraction('ceu:delete 1', { messageId: '4000000000000000001' }));
    expect(first.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(first.body)).toContain('Deleted #1');
    const again = await d.fake.sendInteraction(makeButtonInteraction('ceu:delete 1', { messageId: '4000000000000000001' }));
    expect(textOf(again.body)).toContain('Already done');
    expect(d.activityCount()).toBe(0);
  });

  it('Log another opens the form, and a submitted form logs the activity', async () => {
    const opened = await d.fake.sendInteraction(makeButtonInteraction('ceu:log'));
    expect(opened.body).toMatchObject({ type: 9, data: { custom_id: 'ceu:log-modal', title: 'Log an activity' } });
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction('ceu:log-modal', { amount: '90 min', category: 'clinical', title: 'Sepsis "update"', date: 'yesterday', aama: 'yes' }));
    expect(textOf(submitted.body)).toContain('Logged #1 2026-11-23 90 minutes clinical “Sepsis update” (AAMA-approved)');
    expect(d.activityCount()).toBe(1);
  });

  it('answers a form with a mistake privately, storing nothing', async () => {
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction('ceu:log-modal', { amount: '500h', category: '', title: '', date: '', aama: '' }));
    expect(submitted.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(submitted.body)).toContain('more than 100 hours');
    expect(d.activityCount()).toBe(0);
  });
});

describe('mentions and DMs', () => {
  it('answers a mention by DM, keeping personal progress out of the channel, and says so there', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('how am I doing?', { mentionsBot: true }));
    const notice = await d.fake.waitForMessage((m) => m.content === 'I sent you the answer by DM.');
    expect(notice.channel_id).toBe(FAKE_DISCORD_IDS.channel);
    const dmChannel = d.fake.dmChannelOf(FAKE_DISCORD_IDS.user);
    expect(d.fake.messagesIn(dmChannel!).some((m) => textOf(m).includes('RMA (AMT): in progress'))).toBe(true);
    expect(d.fake.messagesIn(FAKE_DISCORD_IDS.channel).filter((m) => m.id !== notice.id && !m.interaction_metadata)).toHaveLength(0);
  });

  it('tells a member whose DMs are closed how to ask privately', async () => {
    d.fake.failNext('POST /channels/:channelId/messages', { status: 403, code: 50007, message: 'Cannot send messages to this user' });
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true }));
    const notice = await d.fake.waitForMessage((m) => (m.content ?? '').includes('Your DMs are closed'));
    expect(notice.channel_id).toBe(FAKE_DISCORD_IDS.channel);
  });

  it('keeps a reminder closed DMs refused when a mention’s DM answer fails too, and shows it on the next slash command', async () => {
    d.fake.closeDms(FAKE_DISCORD_IDS.user);
    const store = createSqliteStore(d.database);
    const member = store.findMember({ platform: 'discord', tenantId: FAKE_DISCORD_IDS.guild, userId: FAKE_DISCORD_IDS.user })!;
    const outbox = createSchedulerStore(d.database);
    const clock = makeTestClock('2026-11-24T15:00:00Z'); // within the member's hours: a DM goes at once
    outbox.enqueue([makePlanned(member, 'nudge:1', { text: 'RMA: 30 hours still needed' })], clock.now().toISOString());
    const scheduler = createScheduler({ schedulerStore: outbox, store, notifiers: [d.handle.notifier], clock, logger: { debug() {}, info() {}, warn() {}, error() {} }, sweepIntervalMs: 60_000 });
    expect(await scheduler.drain()).toMatchObject({ failed: 1 });
    await scheduler.stop();

    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true }));
    await d.fake.waitForMessage((m) => (m.content ?? '').includes('Your DMs are closed'));
    const next = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(next.body).toMatchObject({ data: { flags: 64 } });
    expect(textOf(next.body)).toContain('I could not reach you by DM, so here is the reminder I tried to send.');
    expect(textOf(next.body)).toContain('RMA: 30 hours still needed');
  });

  it('understands a DM, and ignores channel chatter that does not mention the bot', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('log 2h general Ethics'));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('I did 2 hours of general training yesterday', { guildId: null }));
    const sent = await d.fake.waitForMessage((m) => textOf(m).includes('Logged #1 2026-11-23 2 hours general'));
    expect(sent.channel_id).not.toBe(FAKE_DISCORD_IDS.channel);
    expect(d.activityCount()).toBe(1);
  });

  it('tells a server admin who asks for an admin command in a DM to use /ceu-admin in the server', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('team', { guildId: null }));
    const sent = await d.fake.waitForMessage((m) => textOf(m).includes('is for admins'));
    expect(textOf(sent)).toContain('A DM belongs to no server: in your server, use `/ceu-admin team`.');
  });

  it('ignores a reply to its own message in a channel (Discord lists the replied-to bot in mentions) unless the reply names it', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true }));
    const notice = await d.fake.waitForMessage((m) => m.content === 'I sent you the answer by DM.');
    const dmChannel = d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!;
    const botUser = makeMessageCreate('x', { mentionsBot: true }).mentions[0];
    // A pinging reply ("thanks!") to the bot's notice: type 19, the notice referenced, the bot in mentions, no <@bot> in the text.
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('thanks!', {
      overrides: { type: 19, mentions: [botUser], message_reference: { type: 0, message_id: notice.id, channel_id: notice.channel_id, guild_id: FAKE_DISCORD_IDS.guild } },
    }));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('need', { mentionsBot: true }));
    await d.fake.waitForMessage((m) => m.content === 'I sent you the answer by DM.' && m.id !== notice.id);
    await new Promise((resolve) => setTimeout(resolve, 100)); // an answer to the reply would have come with these
    expect(d.fake.messagesIn(FAKE_DISCORD_IDS.channel).filter((m) => m.content === 'I sent you the answer by DM.')).toHaveLength(2);
    expect(d.fake.messagesIn(dmChannel).map(textOf).filter((t) => t.includes('thanks'))).toEqual([]);
    expect(d.fake.messagesIn(dmChannel)).toHaveLength(2);
  });

  it('answers a mention of its managed role, which Discord offers next to the bot when typing @ceu-bot', async () => {
    const roleId = d.fake.guilds[0]!.botRoleId;
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate(`<@&${roleId}> how am I doing?`, { overrides: { mention_roles: [roleId] } }));
    await d.fake.waitForMessage((m) => m.content === 'I sent you the answer by DM.');
    const dmChannel = d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!;
    expect(d.fake.messagesIn(dmChannel).some((m) => textOf(m).includes('RMA (AMT): in progress'))).toBe(true);
  });

  it('keeps a file sent with a typed log in its DM as the certificate, and answers a file alone with how to log it', async () => {
    const file = { id: '5000000000000000002', filename: 'cpr-card.pdf', size: 2048, url: 'https://cdn.discordapp.com/attachments/1/3/cpr-card.pdf', proxy_url: 'https://media.discordapp.net/attachments/1/3/cpr-card.pdf', content_type: 'application/pdf' };
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('', { guildId: null, overrides: { attachments: [file] } }));
    await d.fake.waitForMessage((m) => textOf(m).includes('I got cpr-card.pdf, but no words with it'));
    expect(d.activityCount()).toBe(0);
    const withWords = makeMessageCreate('log 2h general Ethics', { guildId: null, overrides: { attachments: [file] } });
    d.fake.dispatch('MESSAGE_CREATE', withWords);
    await d.fake.waitForMessage((m) => textOf(m).includes('[certificate: cpr-card.pdf]'));
    // The message's link: the file's own CDN link is signed and expires.
    expect(d.database.sqlite.prepare('SELECT certificate_url, certificate_name FROM activities').get())
      .toEqual({ certificate_url: `https://discord.com/channels/@me/${withWords.channel_id}/${withWords.id}`, certificate_name: 'cpr-card.pdf' });
  });

  it('logs a failed reply without the token and keeps going', async () => {
    d.fake.failNext('POST /channels/:channelId/messages', { status: 403, code: 50013, message: 'Missing Permissions' });
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { guildId: null }));
    await d.fake.waitForCall('POST /channels/:channelId/messages');
    for (let i = 0; i < 40 && !d.logs.join('\n').includes('Missing Permissions'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(d.logs.join('\n')).toContain('Missing Permissions');
    expect(d.logs.join('\n')).not.toContain(d.fake.token);
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('need', { guildId: null }));
    await d.fake.waitForMessage((m) => textOf(m).includes('RMA (AMT)'));
  });
});

describe('the gateway', () => {
  it('survives a dropped connection and keeps answering', async () => {
    d.fake.dropConnections(4000);
    await d.fake.waitForResume();
    const reply = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(textOf(reply.body)).toContain('RMA (AMT): in progress');
  });
});
