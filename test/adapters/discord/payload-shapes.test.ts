/**
 * Payloads and situations real Discord produces that the happy paths do not: interactions from an
 * older version of the bot, the same interaction delivered twice, system and bot messages, threads,
 * and replies that must stay within Discord's limits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAutocompleteInteraction, makeButtonInteraction, makeMessageCreate, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { makeDiscordBotUser } from '../../fakes/discord-users.js';
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

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
const errorLogs = () => d.logs.filter((line) => (JSON.parse(line) as { level: string }).level === 'error');
type Buttons = { components?: Array<{ components: Array<{ custom_id: string }> }> };
const customIdsOf = (data: unknown) => ((data as Buttons).components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

describe('interactions from an older version of the bot', () => {
  it('answers a click on a button whose custom id it does not know, privately, rather than letting Discord report a failure', async () => {
    const click = await d.fake.sendInteraction(makeButtonInteraction('feedback:thumbs-up'));
    expect(click.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(click.body)).toContain('/ceu');
    const select = await d.fake.sendInteraction(makeButtonInteraction('ceu-pick-credential', { overrides: { data: { custom_id: 'ceu-pick-credential', component_type: 3, values: ['RMA'] } } }));
    expect(select.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(d.logs.join('\n')).toContain('feedback:thumbs-up');
  });

  it('answers a modal submitted under a custom id it does not know, storing nothing', async () => {
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction('ceu:feedback-modal', { feedback: 'log 2h clinical' }));
    expect(submitted.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(d.activityCount()).toBe(0);
  });

  it('reads a log form that lacks a field (opened before an update that added it)', async () => {
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction('ceu:log-modal', { amount: '2h', category: 'clinical' }));
    expect(textOf(submitted.body)).toContain('Logged #1');
    expect(d.activityCount()).toBe(1);
  });

  it('answers a command without a subcommand (a command an older version registered) as outdated, not as a failure', async () => {
    for (const commandName of ['ceu-stats', 'ceu']) {
      const reply = await d.fake.sendInteraction(makeSlashInteraction({ commandName }));
      expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(textOf(reply.body)).not.toContain('Something went wrong');
    }
    expect(errorLogs()).toEqual([]);
  });

  it('offers no suggestions, rather than none at all, for an option or command it does not know, however long the typed text', async () => {
    const unknownOption = await d.fake.sendInteraction(makeAutocompleteInteraction('log', 'venue', 'x'.repeat(6000)));
    expect(unknownOption.body).toEqual({ type: 8, data: { choices: [] } });
    const noSubcommand = await d.fake.sendInteraction(makeAutocompleteInteraction('log', 'provider', 're', [], {
      overrides: { data: { id: FAKE_DISCORD_IDS.command, name: 'ceu-old', type: 1, options: [{ name: 'provider', type: 3, value: 're', focused: true }] } },
    }));
    expect(noSubcommand.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('autocomplete when the records cannot be read', () => {
  it('offers no suggestions instead of leaving Discord to say "loading options failed", and logs why', async () => {
    d.database.sqlite.exec('alter table activities rename to activities_away'); // every read of activities now fails
    const answered = await d.fake.sendInteraction(makeAutocompleteInteraction('log', 'provider', 're'));
    d.database.sqlite.exec('alter table activities_away rename to activities');
    expect(answered.body).toEqual({ type: 8, data: { choices: [] } });
    expect(d.logs.join('\n')).toContain('autocomplete');
  });
});

describe('the same interaction delivered twice', () => {
  it('logs once and answers once when Discord delivers a slash command again (a replayed event, a second session)', async () => {
    const payload = makeSlashInteraction({ subcommand: 'log', options: [{ name: 'amount', type: 10, value: 2 }, { name: 'unit', type: 3, value: 'hours' }] });
    const first = await d.fake.sendInteraction(payload);
    expect(textOf(first.body)).toContain('Logged #1');
    d.fake.dispatch('INTERACTION_CREATE', payload);
    await settle();
    expect(d.activityCount()).toBe(1);
    expect(d.fake.calls.filter((call) => call.path.startsWith(`/interactions/${payload.id}/`))).toHaveLength(1);
    expect(errorLogs()).toEqual([]);
  });

  it('does not report a failure when a question answered once arrives again', async () => {
    const payload = makeSlashInteraction({ subcommand: 'status' });
    await d.fake.sendInteraction(payload);
    d.fake.dispatch('INTERACTION_CREATE', payload);
    await settle();
    expect(errorLogs()).toEqual([]);
    expect(d.fake.calls.filter((call) => call.path.startsWith('/webhooks/'))).toEqual([]);
  });
});

describe('messages the bot must leave alone', () => {
  it('does not answer a system message, such as a pin in its DM', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('', { guildId: null, overrides: { type: 6 } }));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('need', { guildId: null }));
    await d.fake.waitForMessage((m) => textOf(m).includes('RMA (AMT)'));
    await settle();
    expect(d.fake.messagesIn(d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!)).toHaveLength(1);
  });

  it('never answers another bot or a webhook that mentions it, so two bots cannot loop', async () => {
    const otherBot = { ...makeDiscordBotUser('1000000000000000077'), username: 'other-bot' };
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true, overrides: { author: otherBot } }));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true, overrides: { webhook_id: '1000000000000000088', author: { ...otherBot, id: '1000000000000000088', username: 'Captain Hook' } } }));
    await settle(300);
    expect(d.fake.calls.filter((call) => call.method === 'POST')).toHaveLength(1); // the beforeEach's interaction answer
  });
});

describe('a mention in a thread', () => {
  it('answers by DM and posts its notice in the thread', async () => {
    const threadId = '2100000000000000077';
    d.fake.dispatch('THREAD_CREATE', {
      id: threadId, type: 11, guild_id: FAKE_DISCORD_IDS.guild, parent_id: FAKE_DISCORD_IDS.channel, name: 'Renewals', owner_id: FAKE_DISCORD_IDS.user,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2026-11-24T12:00:00.000000+00:00', locked: false }, member_count: 1, message_count: 0,
      newly_created: true,
    });
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('how am I doing?', { mentionsBot: true, channelId: threadId }));
    const notice = await d.fake.waitForMessage((m) => m.content === 'I sent you the answer by DM.');
    expect(notice.channel_id).toBe(threadId);
    expect(d.fake.messagesIn(d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!).some((m) => textOf(m).includes('RMA (AMT): in progress'))).toBe(true);
  });
});

describe('replies within Discord limits', () => {
  it('shows reminders closed DMs kept next to the status buttons, each button once and none dropped', async () => {
    await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
      { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: 'CMA' }, { name: 'expires', type: 3, value: '2027-02-28' },
    ] }));
    d.fake.closeDms(FAKE_DISCORD_IDS.user);
    const store = createSqliteStore(d.database);
    const member = store.findMember({ platform: 'discord', tenantId: FAKE_DISCORD_IDS.guild, userId: FAKE_DISCORD_IDS.user })!;
    const outbox = createSchedulerStore(d.database);
    const clock = makeTestClock('2026-11-24T15:00:00Z');
    // What a reminder offers (core/nudges/nudge-replies.ts): Log now, Snooze a week, Already renewed.
    const reminderButtons = (code: string) => [
      { actionId: 'log-now', label: 'Log now', command: 'log', style: 'primary' as const },
      { actionId: 'snooze', label: 'Snooze a week', command: `snooze ${code}` },
      { actionId: 'renewed', label: 'Already renewed', command: `credential renew ${code}` },
    ];
    outbox.enqueue([
      makePlanned(member, 'nudge:rma', { text: 'RMA: 30 hours still needed', buttons: reminderButtons('RMA') }),
      makePlanned(member, 'nudge:cma', { text: 'CMA: 60 points still needed', buttons: reminderButtons('CMA') }),
    ], clock.now().toISOString());
    const scheduler = createScheduler({ schedulerStore: outbox, store, notifiers: [d.handle.notifier], clock, logger: { debug() {}, info() {}, warn() {}, error() {} }, sweepIntervalMs: 60_000 });
    expect(await scheduler.drain()).toMatchObject({ failed: 2 });
    await scheduler.stop();

    const status = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(status.status).toBe(204);
    expect(textOf(status.body)).toContain('RMA: 30 hours still needed');
    const ids = customIdsOf(status.body.data);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['ceu:log', 'ceu:need', 'ceu:snooze RMA', 'ceu:credential renew RMA', 'ceu:snooze CMA', 'ceu:credential renew CMA']));
  });
});

describe('removed from a server while answering', () => {
  it('still answers an interaction and a mention in flight when GUILD_DELETE arrives, without an unexpected error', async () => {
    await d.close();
    d = await startDiscordUnderTest({ coreDelayMs: 150 });
    const slash = d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'help' }));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('help', { mentionsBot: true }));
    await settle(20);
    d.fake.dispatch('GUILD_DELETE', { id: FAKE_DISCORD_IDS.guild, unavailable: false });
    expect(textOf((await slash).body)).toContain('ceu-bot keeps your continuing education on track');
    await d.fake.waitForMessage((m) => m.channel_id === d.fake.dmChannelOf(FAKE_DISCORD_IDS.user) && textOf(m).includes('ceu-bot'));
    await settle();
    expect(errorLogs()).toEqual([]);
  });
});
