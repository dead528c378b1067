/**
 * A digest channel the bot cannot post in, on Discord: setting it with `/ceu-admin digest` posts a
 * confirmation there at once, and a post refused for the bot's permissions (50001, 50013) or to a
 * channel that is gone (10003) is shown to the admin who set it on their next request, privately
 * and once, with the permissions to give. The real discord.js client answering interactions from
 * the fake Discord, and the real scheduler and notifier draining the outbox there, on one file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier, type DiscordNotifier } from '../../../src/adapters/discord/notifier.js';
import type { Notifier } from '../../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { makeSlashInteraction, type DiscordCommandOption } from '../../fakes/discord-interactions.js';
import { DISCORD_PERMISSIONS } from '../../fakes/discord-permissions.js';
import { makeTestClock } from '../../scheduler/make-outbox.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

const FAST: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } };
const STRING = 3;
const CHANNEL = 7;
const GENERAL = FAKE_DISCORD_IDS.channel;
/** A manager who set nothing. */
const OTHER_MANAGER = '3000000000000000077';

let d: DiscordUnderTest;
let notifier: DiscordNotifier;
let scheduler: Scheduler;
beforeEach(async () => {
  d = await startDiscordUnderTest();
  const clock = makeTestClock('2026-11-24T18:00:00Z');
  const logger = makeRecordingLogger(d.logs);
  notifier = createDiscordNotifier({ token: d.fake.token, apiUrl: d.fake.apiUrl, logger, limits: FAST });
  scheduler = createScheduler({
    schedulerStore: createSchedulerStore(d.database), store: createSqliteStore(d.database), notifiers: [notifier], clock, logger,
    sweepIntervalMs: 60_000, monotonicNow: () => clock.now().getTime(),
  });
});
afterEach(async () => {
  await scheduler.stop();
  notifier.close();
  await d.close();
});

/** What the bot answers the manager (Dana with Manage Server, unless `user` says who). */
async function admin(subcommand: string, options: DiscordCommandOption[] = [], user?: string): Promise<string> {
  const callback = await d.fake.sendInteraction(makeSlashInteraction({
    commandName: 'ceu-admin', subcommand, options, permissions: DISCORD_PERMISSIONS.manager, ...(user ? { user } : {}),
  }));
  expect(callback.body).toMatchObject({ data: { flags: 64 } });
  return textOf(callback.body);
}

async function member(subcommand: string): Promise<string> {
  const callback = await d.fake.sendInteraction(makeSlashInteraction({ subcommand, permissions: DISCORD_PERMISSIONS.manager }));
  expect(callback.body).toMatchObject({ data: { flags: 64 } });
  return textOf(callback.body);
}

const setDigest = (channelId: string) => admin('digest', [
  { name: 'action', type: STRING, value: 'channel' }, { name: 'channel', type: CHANNEL, value: channelId },
  { name: 'day', type: STRING, value: 'monday' }, { name: 'time', type: STRING, value: '09:00' },
]);

describe('setting the digest channel on Discord', () => {
  it('posts a short confirmation in the channel at once', async () => {
    expect(await setDigest(GENERAL)).toContain('Weekly digest set');
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const confirmation = d.fake.messagesIn(GENERAL).find((message) => textOf(message).includes('ceu-bot will post'));
    expect(textOf(confirmation)).toContain("ceu-bot will post the team's weekly CE digest here on Mondays at 09:00");
    expect(textOf(confirmation)).toContain('`/ceu-admin digest off` stops it');
  });

  it.each([
    [50013, 'Missing Permissions', 403],
    [50001, 'Missing Access', 403],
  ])('tells the admin who set it, once, to give the bot View Channel, Send Messages and Embed Links (%i)', async (code, message, status) => {
    d.fake.failNext('POST /channels/:channelId/messages', { status, code, message });
    await setDigest(GENERAL);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });

    expect(await admin('team', [], OTHER_MANAGER)).not.toContain(`<#${GENERAL}>`);
    const told = await member('help');
    expect(told).toContain(`I could not post in <#${GENERAL}>`);
    expect(told).toContain('View Channel, Send Messages and Embed Links');
    expect(await member('help')).not.toContain(`<#${GENERAL}>`);

    const shown = await admin('digest', [{ name: 'action', type: STRING, value: 'show' }]);
    expect(shown).toContain('could not be delivered');
    expect(shown).toContain(String(code));
    expect(shown).toContain('View Channel, Send Messages and Embed Links');
  });

  it('tells the admin to pick another channel when Discord no longer knows it (10003)', async () => {
    const gone = '2100000000000000999';
    await setDigest(gone);
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const told = await member('help');
    expect(told).toContain(`I could not post in <#${gone}>`);
    expect(told).toContain('pick another');
  });
});
