import { Events, MessageFlags, type Client, type Interaction, type Message } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_DISCORD_IDS } from './discord-ids.js';
import { makeAutocompleteInteraction, makeButtonInteraction, makeMessageCreate, makeModalSubmitInteraction, makeSlashInteraction } from './discord-interactions.js';
import { DISCORD_PERMISSIONS } from './discord-permissions.js';
import { connectDiscordClient, type ConnectedDiscordClient } from './discord-test-client.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let connected: ConnectedDiscordClient | undefined;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await connected?.client.destroy();
  connected = undefined;
  await fake.close();
});

async function connect(): Promise<Client> {
  connected = await connectDiscordClient(fake);
  return connected.client;
}

/** Runs `handle` for each interaction; its rejections land in `connected.errors` instead of vanishing. */
function onInteraction(client: Client, handle: (interaction: Interaction) => Promise<unknown>): void {
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => connected?.errors.push(error as Error));
  });
}

describe('the fake Discord gateway, with the real discord.js Client', () => {
  it('gets the client ready in well under the 15 s guild wait, with the guild, its channel and the bot user', async () => {
    const client = await connect();
    expect(connected?.readyAfterMs).toBeLessThan(2000);
    expect(client.user?.id).toBe(FAKE_DISCORD_IDS.botUser);
    expect(client.application?.id).toBe(FAKE_DISCORD_IDS.application);
    const guild = client.guilds.cache.get(FAKE_DISCORD_IDS.guild);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(FAKE_DISCORD_IDS.channel)?.name).toBe('general');
    expect(guild?.members.me?.id).toBe(FAKE_DISCORD_IDS.botUser);
    expect(fake.identifyCount).toBe(1);
    expect(fake.connections()).toBe(1);
    expect(fake.callsTo('GET /gateway/bot')[0]?.auth).toBe('Bot test-token');
    const identify = fake.gatewayFrames.find((frame) => frame.op === 2);
    expect(identify?.d).toMatchObject({ token: 'test-token', intents: 37377, shard: [0, 1] });
  });

  it('refuses a wrong token on GET /gateway/bot, which discord.js reports as TokenInvalid', async () => {
    await expect(connectDiscordClient({ ...fake, token: 'wrong-token' })).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.callsTo('/gateway/bot')[0]).toMatchObject({ status: 401, response: { message: '401: Unauthorized', code: 0 } });
  });

  it('acknowledges heartbeats, so the client measures a ping', async () => {
    await fake.close();
    fake = await startFakeDiscord({ heartbeatIntervalMs: 40 });
    const client = await connect();
    await vi.waitFor(() => {
      expect(fake.gatewayFrames.filter((frame) => frame.op === 1).length).toBeGreaterThanOrEqual(2);
      expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    });
  });
});

describe('interactions through the fake', () => {
  it('records an ephemeral reply to a slash command as a type 4 callback with flags 64', async () => {
    const client = await connect();
    const seen: Array<{ subcommand: string; hours: number | null; canManage: boolean | undefined; channel: string | undefined }> = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push({
        subcommand: interaction.options.getSubcommand(),
        hours: interaction.options.getNumber('hours'),
        canManage: interaction.memberPermissions?.has('ManageGuild'),
        channel: interaction.channel?.id,
      });
      await interaction.reply({ content: 'Logged 1.5 h', flags: MessageFlags.Ephemeral });
    });
    const slash = makeSlashInteraction({ subcommand: 'log', options: [{ name: 'hours', type: 10, value: 1.5 }] });
    const callback = await fake.sendInteraction(slash);
    expect(callback).toMatchObject({ path: `/interactions/${slash.id}/${slash.token}/callback`, status: 204, auth: undefined });
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'Logged 1.5 h', flags: 64 } });
    expect(seen).toEqual([{ subcommand: 'log', hours: 1.5, canManage: false, channel: FAKE_DISCORD_IDS.channel }]);
    expect(fake.messages.at(-1)).toMatchObject({ content: 'Logged 1.5 h', flags: 64, channel_id: FAKE_DISCORD_IDS.channel });
    expect(connected?.errors).toEqual([]);
  });

  it('reads MANAGE_GUILD from the member permissions the payload carries', async () => {
    const client = await connect();
    const canManage: boolean[] = [];
    onInteraction(client, async (interaction) => {
      canManage.push(interaction.memberPermissions?.has('ManageGuild') ?? false);
      if (interaction.isRepliable()) await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await fake.sendInteraction(makeSlashInteraction({ subcommand: 'settings', permissions: DISCORD_PERMISSIONS.manager }));
    await fake.sendInteraction(makeSlashInteraction({ subcommand: 'settings', permissions: DISCORD_PERMISSIONS.administrator }));
    expect(canManage).toEqual([true, true]);
  });

  it('records defer as a type 5 callback, then editReply as a PATCH of @original that fills the message in', async () => {
    const client = await connect();
    const edited: Message[] = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      edited.push(await interaction.editReply({ content: '13.5 of 60 points' }));
      await interaction.followUp({ content: 'One more thing', flags: MessageFlags.Ephemeral });
    });
    const slash = makeSlashInteraction({ subcommand: 'status' });
    const callback = await fake.sendInteraction(slash);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const patch = await fake.waitForCall('PATCH /webhooks/:app/:token/messages/@original');
    expect(patch).toMatchObject({ path: `/webhooks/${FAKE_DISCORD_IDS.application}/${slash.token}/messages/@original`, body: { content: '13.5 of 60 points' }, status: 200 });
    const followUp = await fake.waitForCall('POST /webhooks/:app/:token');
    expect(followUp).toMatchObject({ body: { content: 'One more thing', flags: 64 }, query: { wait: 'true' }, status: 200 });
    expect(edited[0]?.content).toBe('13.5 of 60 points');
    expect(fake.messagesIn(FAKE_DISCORD_IDS.channel).map((message) => [message.content, message.flags])).toEqual([
      ['13.5 of 60 points', 64],
      ['One more thing', 64],
    ]);
  });

  it('records autocomplete choices as a type 8 callback', async () => {
    const client = await connect();
    onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `BLS (${focused.name}: ${focused.value})`, value: 'bls' }]);
    });
    const callback = await fake.sendInteraction(makeAutocompleteInteraction('log', 'title', 'BL', [{ name: 'hours', type: 10, value: 2 }]));
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'BLS (title: BL)', value: 'bls' }] } });
  });

  it('records a button click answered with update() as a type 7 callback that edits the clicked message', async () => {
    const client = await connect();
    const seen: Array<{ customId: string; messageId: string; byUser: string | undefined }> = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isButton()) return;
      seen.push({ customId: interaction.customId, messageId: interaction.message.id, byUser: interaction.message.interactionMetadata?.user.id });
      await interaction.update({ content: 'Undone.', components: [] });
    });
    const click = makeButtonInteraction('ceu:undo:42', { messageId: '1323802873040999999' });
    const callback = await fake.sendInteraction(click);
    expect(callback.body).toMatchObject({ type: 7, data: { content: 'Undone.', components: [] } });
    expect(seen).toEqual([{ customId: 'ceu:undo:42', messageId: '1323802873040999999', byUser: FAKE_DISCORD_IDS.user }]);
    expect(fake.messages.find((message) => message.id === '1323802873040999999')).toMatchObject({ content: 'Undone.', components: [] });
  });

  it('hands modal fields to discord.js in both the action-row and the label layout', async () => {
    const client = await connect();
    const values: string[] = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isModalSubmit()) return;
      values.push(`${interaction.customId} ${interaction.fields.getTextInputValue('hours')} ${interaction.fields.getTextInputValue('title')}`);
      await interaction.reply({ content: 'Saved', flags: MessageFlags.Ephemeral });
    });
    const fields = { hours: '2', title: 'Infection control' };
    await fake.sendInteraction(makeModalSubmitInteraction('ceu:log-modal', fields));
    await fake.sendInteraction(makeModalSubmitInteraction('ceu:log-modal', fields, { wrap: 'label' }));
    expect(values).toEqual(['ceu:log-modal 2 Infection control', 'ceu:log-modal 2 Infection control']);
  });

  it('refuses a second response with 40060 and a late first response with 10062, as Discord does', async () => {
    await fake.close();
    fake = await startFakeDiscord({ interactionDeadlineMs: 100 });
    const client = await connect();
    const codes: unknown[] = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      if (interaction.options.getSubcommand() === 'slow') await new Promise((resolve) => setTimeout(resolve, 200));
      await interaction.reply({ content: 'first', flags: MessageFlags.Ephemeral }).catch((error: { code?: unknown }) => codes.push(error.code));
      // Bypasses discord.js's own replied check, as two racing handlers would.
      await client.rest
        .post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'second' } }, auth: false })
        .catch((error: { code?: unknown }) => codes.push(error.code));
    });
    await fake.sendInteraction(makeSlashInteraction({ subcommand: 'fast' }));
    await fake.waitForCall('POST /interactions/*', (call) => call.status === 400);
    const late = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'slow' }));
    expect(late.status).toBe(404);
    await vi.waitFor(() => expect(codes).toEqual([40060, 10062, 10062]));
  });

  it('rejects sendInteraction with what it saw when the bot never answers', async () => {
    await connect();
    await expect(fake.sendInteraction(makeSlashInteraction({ subcommand: 'log' }), 200)).rejects.toThrow(/timed out after 200ms waiting for the response to interaction \d+; saw:/);
  });
});

describe('messages through the fake', () => {
  it('delivers a guild mention to messageCreate and records the reply posted to the channel', async () => {
    const client = await connect();
    client.on(Events.MessageCreate, (message) => {
      if (message.author.bot || !message.mentions.has(client.user!)) return;
      message.reply('You have 13.5 of 60 points.').catch((error: Error) => connected?.errors.push(error));
    });
    const mention = makeMessageCreate('how many points do I have?', { mentionsBot: true });
    expect(fake.dispatch('MESSAGE_CREATE', mention)).toBe(1);
    const post = await fake.waitForCall('POST /channels/:channelId/messages');
    expect(post).toMatchObject({ path: `/channels/${FAKE_DISCORD_IDS.channel}/messages`, status: 200, auth: 'Bot test-token' });
    expect(post.body).toMatchObject({ content: 'You have 13.5 of 60 points.', message_reference: { message_id: mention.id } });
    expect(post.response).toMatchObject({ author: { id: FAKE_DISCORD_IDS.botUser, bot: true }, type: 19 });
  });

  it('delivers a DM to an uncached channel thanks to Partials.Channel, and the reply goes back to that DM', async () => {
    const client = await connect();
    const received: Array<{ content: string; dm: boolean }> = [];
    client.on(Events.MessageCreate, (message) => {
      if (message.author.bot) return;
      received.push({ content: message.content, dm: message.channel.isDMBased() });
      message.channel.isSendable() && message.channel.send('hi Dana').catch((error: Error) => connected?.errors.push(error));
    });
    const dm = makeMessageCreate('status', { guildId: null });
    fake.dispatch('MESSAGE_CREATE', dm);
    const post = await fake.waitForCall('POST /channels/:channelId/messages');
    expect(received).toEqual([{ content: 'status', dm: true }]);
    expect(post).toMatchObject({ path: `/channels/${dm.channel_id}/messages`, status: 200 });
    expect(fake.dmChannelOf(FAKE_DISCORD_IDS.user)).toBe(dm.channel_id);
  });
});

describe('resilience', () => {
  it('lets the client resume after the fake drops the connection, and interactions keep working', async () => {
    const client = await connect();
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', flags: MessageFlags.Ephemeral });
    });
    fake.dropConnections();
    await fake.waitForResume();
    await resumed;
    expect(fake.resumeCount).toBe(1);
    expect(fake.identifyCount).toBe(1);
    const callback = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'still here' } });
  });

  it('lets the client identify afresh after a close with 1000 (given an identify throttler that does not wait 5 s)', async () => {
    connected = await connectDiscordClient(fake, { ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) } });
    onInteraction(connected.client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'new session', flags: MessageFlags.Ephemeral });
    });
    fake.dropConnections(1000);
    await fake.waitForIdentify({ nth: 2 });
    expect(fake.resumeCount).toBe(0);
    const callback = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'new session' } });
  });

  it('makes discord.js wait out an injected 429 and retry the request', async () => {
    const client = await connect();
    const limits: number[] = [];
    client.rest.on('rateLimited', (info) => limits.push(info.retryAfter));
    fake.failNext('POST /channels/:channelId/messages', { status: 429, retryAfter: 1 });
    const channel = client.channels.cache.get(FAKE_DISCORD_IDS.channel);
    const startedAt = performance.now();
    const sent = channel?.isSendable() ? await channel.send('Reminder: 46.5 points to go') : undefined;
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(900);
    expect(sent?.content).toBe('Reminder: 46.5 points to go');
    const attempts = fake.callsTo('POST /channels/:channelId/messages');
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 1, global: false });
    expect(limits.length).toBe(1);
  });
});
