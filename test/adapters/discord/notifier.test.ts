/**
 * Delivery through the real Discord notifier (discord.js REST) to the fake Discord, drained by the
 * real scheduler from the real outbox on a SQLite file; and a reminder's button clicked in the DM,
 * through the real discord.js client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier, type DiscordNotifier } from '../../../src/adapters/discord/notifier.js';
import type { Notifier, OutboxMessage } from '../../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/index.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { makeButtonInteraction, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeNote, makePlanned, makeTestOutbox, mostInWindow, type TestOutbox } from '../../scheduler/make-outbox.js';
import { startDiscordUnderTest, textOf } from './discord-under-test.js';

const GUILD = FAKE_DISCORD_IDS.guild;
const DANA = FAKE_DISCORD_IDS.user;
const SNOOZE = { actionId: 'snooze', label: 'Snooze a week', command: 'snooze CMA' };

describe('delivering to Discord', () => {
  let fake: FakeDiscord;
  let t: TestOutbox;
  let notifier: DiscordNotifier;
  let scheduler: Scheduler;

  const start = (limits?: Notifier['limits']) => {
    notifier = createDiscordNotifier({ token: fake.token, apiUrl: fake.apiUrl, logger: t.logger, ...(limits ? { limits } : {}) });
    scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [notifier], clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
  };
  const dana = () => t.member({ platform: 'discord', tenantId: GUILD, userId: DANA });
  const posts = () => fake.callsTo('POST /channels/:channelId/messages');

  beforeEach(async () => {
    fake = await startFakeDiscord();
    t = makeTestOutbox();
    start();
  });
  afterEach(async () => {
    await scheduler.stop();
    notifier.close();
    await fake.close();
    t.cleanup();
  });

  it('sends DMs through one DM channel, opened once, with buttons that name the server', async () => {
    const member = dana();
    t.enqueue(makePlanned(member, 'nudge:1', { buttons: [SNOOZE] }), makePlanned(member, 'nudge:2'));
    expect(await scheduler.drain()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(fake.callsTo('POST /users/@me/channels')).toHaveLength(1);
    const dm = fake.messagesIn(fake.dmChannelOf(DANA)!);
    expect(dm.map((m) => textOf(m))).toEqual([expect.stringContaining('message nudge:1'), expect.stringContaining('message nudge:2')]);
    expect(dm[0]!.components).toEqual([{ type: 1, components: [expect.objectContaining({ custom_id: `ceu@${GUILD}:snooze CMA`, label: 'Snooze a week' })] }]);
    expect(dm[0]!.flags & 64).toBe(0);
  });

  it('posts a digest in its channel with buttons as they are', async () => {
    t.enqueue(makePlanned(dana(), 'digest:1', { channelId: FAKE_DISCORD_IDS.channel, buttons: [SNOOZE] }));
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    const [post] = fake.messagesIn(FAKE_DISCORD_IDS.channel);
    expect(textOf(post)).toContain('message digest:1');
    expect(post!.components[0]).toMatchObject({ components: [{ custom_id: 'ceu:snooze CMA' }] });
  });

  it('gives up a DM to a member whose DMs are closed (50007) and marks them unreachable', async () => {
    fake.closeDms(DANA);
    const member = dana();
    t.enqueue(makePlanned(member, 'nudge:1'));
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(posts().map((c) => c.status)).toEqual([403]);
    expect(t.store.findMember({ platform: 'discord', tenantId: GUILD, userId: DANA })?.unreachableSince).toBeTruthy();
    expect(t.store.takeUndelivered(member, t.clock.now().toISOString())).toHaveLength(1);
  });

  it('gives up a post to a channel Discord does not know (10003)', async () => {
    t.enqueue(makePlanned(dana(), 'digest:1', { channelId: '2100000000000000999' }));
    expect(await scheduler.drain()).toMatchObject({ failed: 1 });
  });

  it('after a 429, waits out Retry-After for that channel and then delivers', async () => {
    fake.failNext('POST /channels/:channelId/messages', { status: 429, retryAfter: 0.4 });
    t.enqueue(makePlanned(dana(), 'nudge:1'));
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const due = Date.parse(t.outbox.nextDueAt()!) - t.clock.now().getTime();
    expect(due).toBeGreaterThanOrEqual(400);
    t.clock.advance(due);
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [limited, delivered] = posts();
    expect(limited!.status).toBe(429);
    expect(delivered!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(400);
  });

  it('never exceeds the global and per-channel limits', async () => {
    await scheduler.stop();
    notifier.close();
    start({ global: { count: 5, perMs: 300 }, perTarget: { count: 2, perMs: 250 } });
    const users = ['3000000000000000101', '3000000000000000102', '3000000000000000103'];
    t.enqueue(...users.flatMap((userId) => [1, 2, 3, 4].map((n) => makePlanned(t.member({ platform: 'discord', tenantId: GUILD, userId }), `nudge:${userId}:${n}`))));
    expect(await scheduler.drain()).toMatchObject({ sent: 12 });
    const sent = posts();
    expect(mostInWindow(sent.map((c) => c.receivedAt), 300)).toBeLessThanOrEqual(5);
    for (const userId of users) {
      const channel = fake.dmChannelOf(userId)!;
      expect(mostInWindow(sent.filter((c) => c.path === `/channels/${channel}/messages`).map((c) => c.receivedAt), 250)).toBeLessThanOrEqual(2);
    }
  });
});

describe('a reminder\'s button clicked in the DM', () => {
  it('acts for the clicker in the server the reminder is about, not in their DM space', async () => {
    const d = await startDiscordUnderTest();
    try {
      await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
        { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: 'RMA' }, { name: 'expires', type: 3, value: '2027-04-30' },
      ] }));
      const message: OutboxMessage = {
        id: 1, key: 'nudge:1', workspaceId: 1, memberId: 1, platform: 'discord', tenantId: GUILD, attempts: 1, createdAt: '2026-11-24T18:00:00.000Z',
        target: { kind: 'direct', userId: DANA }, kind: 'nudge',
        reply: makeNote('RMA: 30 hours still needed', [{ actionId: 'snooze', label: 'Snooze a week', command: 'snooze RMA' }, { actionId: 'log-now', label: 'Log now', command: 'log' }]),
      };
      expect(await d.handle.notifier.send(message)).toEqual({ ok: true });
      const [delivered] = d.fake.messagesIn(d.fake.dmChannelOf(DANA)!);
      const [snooze, log] = (delivered!.components[0] as { components: Array<{ custom_id: string }> }).components;
      expect(snooze!.custom_id).toBe(`ceu@${GUILD}:snooze RMA`);

      // The server's RMA is snoozed: in the DM space the member holds nothing.
      const inGuild = await d.fake.sendInteraction(makeButtonInteraction(snooze!.custom_id, { guildId: null, messageId: delivered!.id, message: delivered }));
      expect(textOf(inGuild.body)).toContain('Reminders about your RMA are snoozed until');
      const ownDm = await d.fake.sendInteraction(makeButtonInteraction('ceu:status', { guildId: null }));
      expect(textOf(ownDm.body)).toContain('You have no credentials yet');
      // An id naming a server with anything but a reminder's command did not come from us.
      const forged = await d.fake.sendInteraction(makeButtonInteraction(`ceu@${GUILD}:status`, { guildId: null }));
      expect(textOf(forged.body)).toContain('That button does not work here');

      const form = await d.fake.sendInteraction(makeButtonInteraction(log!.custom_id, { guildId: null, messageId: delivered!.id, message: delivered }));
      expect(form.body).toMatchObject({ type: 9, data: { custom_id: `ceu@${GUILD}:log-modal` } });
      const logged = await d.fake.sendInteraction(makeModalSubmitInteraction(`ceu@${GUILD}:log-modal`, { amount: '2h', category: 'clinical', title: '', date: '', aama: '' }, { guildId: null }));
      expect(textOf(logged.body)).toContain('RMA:');
    } finally {
      await d.close();
    }
  });
});
