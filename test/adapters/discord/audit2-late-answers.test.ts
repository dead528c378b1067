/**
 * An answer Discord refuses because its 3 seconds are up (10062): the event arrived late, or a rate
 * limit on the interaction response (429 with Retry-After) held the answer back. By then a change
 * may be saved; the member, told only that "the application did not respond", would send it again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../src/adapters/discord/start-discord.js';
import { makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeTestCore, type TestCore } from '../../support/make-test-core.js';
import { textOf } from './discord-under-test.js';

const CALLBACK = 'POST /interactions/:interactionId/:token/callback';
const DANA = FAKE_DISCORD_IDS.user;

let fake: FakeDiscord;
let core: TestCore;
let discord: DiscordHandle;
beforeEach(async () => {
  // Discord's deadline, shortened so that a short Retry-After outlasts it.
  fake = await startFakeDiscord({ interactionDeadlineMs: 300 });
  core = makeTestCore();
  discord = await startDiscord({ bot: core.bot, logger: core.logger, token: fake.token, apiUrl: fake.apiUrl });
});
afterEach(async () => {
  await discord.stop();
  await fake.close();
  core.cleanup();
});

const dmMessages = () => {
  const channel = fake.dmChannelOf(DANA);
  return channel ? fake.messagesIn(channel) : [];
};
const log = (amount: number) => makeSlashInteraction({ subcommand: 'log', options: [{ name: 'amount', type: 10, value: amount }, { name: 'unit', type: 3, value: 'hours' }] });

describe('an answer Discord no longer takes', () => {
  it('reports a saved change by DM, with buttons for the server, so that the member does not send it again', async () => {
    fake.failNext(CALLBACK, { status: 429, retryAfter: 0.5 });
    const late = await fake.sendInteraction(log(2));
    expect(late.response).toMatchObject({ code: 10062 });
    expect(core.activityCount()).toBe(1);

    const dm = await fake.waitForMessage((m) => m.channel_id === fake.dmChannelOf(DANA) && textOf(m).includes('Logged #1'));
    expect(textOf(dm)).toContain('no need to send it again');
    const ids = (dm.components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((b) => b.custom_id));
    expect(ids).toContain(`ceu@${FAKE_DISCORD_IDS.guild}:delete 1`);
  });

  it('sends nothing by DM when nothing was saved: a refusal or a question is simply asked again', async () => {
    fake.failNext(CALLBACK, { status: 429, retryAfter: 0.5 });
    await fake.sendInteraction(log(500));
    fake.failNext(CALLBACK, { status: 429, retryAfter: 0.5 });
    await fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    fake.failNext(CALLBACK, { status: 429, retryAfter: 0.5 });
    await fake.sendInteraction(log(3));
    await fake.waitForMessage((m) => m.channel_id === fake.dmChannelOf(DANA) && textOf(m).includes('Logged #1'));
    expect(dmMessages()).toHaveLength(1);
  });
});
